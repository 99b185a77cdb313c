package io.camdash.pictures;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.camdash.support.MjpegClient;
import io.camdash.support.RawHttp;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zip downloads that are never read hold only their own limited places: past the limits
 * per user and per address a zip gets a short 503, and live streams are never refused
 * because of downloads.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camdash.pictures.downloads.per-user=2", "camdash.pictures.downloads.per-address=3",
				"camdash.streaming.max-viewers=2" })
@ExtendWith(OutputCaptureExtension.class)
class DownloadLimitsIntegrationTests {

	private static final Duration QUICKLY = Duration.ofSeconds(10);

	private static final List<String> NAMES = List.of("cam/2026-11-21/cam_20261121-080000-000.jpg",
			"cam/2026-11-21/cam_20261121-080001-000.jpg", "cam/2026-11-21/cam_20261121-080002-000.jpg");

	@TempDir
	static Path temp;

	@LocalServerPort
	private int port;

	private final List<RawHttp> held = new ArrayList<>();

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) throws IOException {
		Path pictures = temp.resolve("pictures");
		Random random = new Random(42);
		for (String name : NAMES) {
			// Large enough that a zip of them cannot hide in socket buffers.
			byte[] content = new byte[8 * 1024 * 1024];
			random.nextBytes(content);
			Files.createDirectories(pictures.resolve(name).getParent());
			Files.write(pictures.resolve(name), content);
		}
		registry.add("camdash.pictures.folder", pictures::toString);
		registry.add("camdash.pictures.thumbnail-cache", () -> temp.resolve("thumbnails").toString());
	}

	@AfterEach
	void closeHeld() throws IOException {
		for (RawHttp http : this.held) {
			http.close();
		}
	}

	@Test
	void downloadsPastTheLimitsGetA503InWordsAndStreamsStillStart(CapturedOutput output) throws IOException {
		SignedInClient viewer = SignedInClient.signIn(this.port, TestUsers.VIEWER);
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		assertThat(startZip(viewer, "127.0.0.1").status()).isEqualTo(200);
		assertThat(startZip(viewer, "127.0.0.1").status()).isEqualTo(200);
		RawHttp.Response perUser = startZip(viewer, "127.0.0.2");
		assertThat(perUser.status()).as("a third for the same user, from anywhere").isEqualTo(503);
		assertThat(startZip(admin, "127.0.0.1").status()).isEqualTo(200);
		assertThat(startZip(admin, "127.0.0.1").status()).as("a fourth from one address").isEqualTo(503);
		assertThat(startZip(admin, "127.0.0.3").status()).as("the same user elsewhere").isEqualTo(200);
		try (RawHttp refused = RawHttp.connect(this.port)) {
			RawHttp.Response answer = refused.send(zipRequest(viewer)).read(QUICKLY);
			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.body()).contains("Too many downloads at once").doesNotContain("Exception", "java.");
		}
		for (int i = 0; i < 2; i++) {
			try (MjpegClient stream = MjpegClient.open(this.port, "/cameras/cam/stream.mjpg",
					java.util.Map.of("Authorization", TestUsers.VIEWER.authorization()))) {
				assertThat(stream.status()).isEqualTo(200);
				assertThat(stream.nextPart().isCompleteJpeg()).isTrue();
			}
		}
		assertThat(output.getAll()).contains("Refused a zip download from 127.0.0.2: user 'viewer' has 2 running")
			.doesNotContain("TaskRejectedException", "\tat ");
	}

	/** Starts a zip of every picture and reads only its head, never its body. */
	private RawHttp.Response startZip(SignedInClient client, String fromAddress) throws IOException {
		RawHttp http = RawHttp.connect(this.port, fromAddress);
		this.held.add(http);
		return http.send(zipRequest(client)).readHead(QUICKLY);
	}

	private static String zipRequest(SignedInClient client) {
		StringBuilder body = new StringBuilder("_csrf=").append(client.csrfToken());
		for (String name : NAMES) {
			body.append("&name=").append(URLEncoder.encode(name, StandardCharsets.UTF_8));
		}
		return "POST /pictures/selection/zip HTTP/1.1\r\nHost: localhost\r\nCookie: JSESSIONID="
				+ client.cookie("JSESSIONID").orElseThrow()
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n"
				+ body;
	}

}
