package io.camdash.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.camdash.support.MjpegClient;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import io.camdash.support.TwoCamerasTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The camera tokens page: a token made there opens its camera's stream and still at once
 * and nothing else, is shown once and kept only as a hash; revoking it shuts it out at
 * once; tokens of the configuration keep working and are shown masked.
 */
@TwoCamerasTest
@ExtendWith(OutputCaptureExtension.class)
class CameraTokensPageIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SecuritySettings settings;

	private int status(String path) throws IOException {
		try (MjpegClient response = MjpegClient.open(this.port, path, Map.of("Connection", "close"))) {
			return response.status();
		}
	}

	private Document page(SignedInClient admin) {
		return Jsoup.parse(admin.get("/settings/camera-tokens").body());
	}

	@Test
	void aTokenMadeOnThePageOpensItsCameraAtOnceUntilRevoked(CapturedOutput output) throws IOException {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		assertThat(admin.post("/settings/camera-tokens", Map.of("camera", "second")).statusCode()).isEqualTo(302);
		Element shown = page(admin).selectFirst(".created-token .token-value");
		assertThat(shown).isNotNull();
		String token = shown.val();
		assertThat(token).startsWith(CameraTokenStore.PREFIX).hasSizeGreaterThan(40);
		assertThat(page(admin).select(".created-token")).as("shown once").isEmpty();

		assertThat(status("/cameras/second/snapshot.jpg?token=" + token)).isEqualTo(200);
		assertThat(status("/cameras/cam/snapshot.jpg?token=" + token)).isEqualTo(401);
		assertThat(status("/cameras/second?token=" + token)).isIn(302, 401);
		Path file = this.settings.dataFolder().resolve("settings.yaml");
		assertThat(Files.readString(file)).doesNotContain(token).contains(ApiTokenStore.hash(token));

		String id = page(admin).select("tr.camera-token").last().attr("data-token");
		admin.post("/settings/camera-tokens/" + id + "/revoke", Map.of());
		assertThat(page(admin).select(".flash-message").text()).startsWith("Revoked.");
		assertThat(status("/cameras/second/snapshot.jpg?token=" + token)).isEqualTo(401);
		assertThat(Files.readString(file)).doesNotContain(ApiTokenStore.hash(token));
		assertThat(output).contains("Audit: admin made camera token " + id + " for camera 'second'")
			.contains("Audit: admin revoked camera token " + id)
			.doesNotContain(token);
	}

	@Test
	void tokensOfTheConfigurationKeepWorkingAndAreShownMaskedAndReadOnly() throws IOException {
		Document page = page(SignedInClient.signIn(this.port, TestUsers.ADMIN));
		assertThat(page.select("tr.configured-token code").text()).isEqualTo("cam");
		assertThat(page.select("tr.configured-token form")).isEmpty();
		assertThat(page.html()).doesNotContain(TwoCamerasTest.TOKEN);
		assertThat(status("/cameras/cam/snapshot.jpg?token=" + TwoCamerasTest.TOKEN)).isEqualTo(200);
	}

	@Test
	void aTokenForACameraThatDoesNotExistIsRefusedInWords() {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		admin.post("/settings/camera-tokens", Map.of("camera", "../nowhere"));
		Document page = page(admin);
		assertThat(page.select(".flash-error").text())
			.isEqualTo("There is no camera with that id: choose one of the list.");
		assertThat(page.select(".created-token")).isEmpty();
	}

}
