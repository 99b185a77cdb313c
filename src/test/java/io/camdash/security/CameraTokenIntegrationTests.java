package io.camdash.security;

import java.io.IOException;
import java.util.Map;

import io.camdash.support.DebugLogging;
import io.camdash.support.MjpegClient;
import io.camdash.support.TwoCamerasTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-camera access tokens for tools: one camera's stream and still only, no session,
 * never logged (at the default levels, and at DEBUG for camdash's own code; Spring's
 * DEBUG request logging prints query strings, see the README).
 */
@TwoCamerasTest
@ExtendWith(OutputCaptureExtension.class)
class CameraTokenIntegrationTests {

	static final String TOKEN = TwoCamerasTest.TOKEN;

	private static final String WRONG = "Zq4kT7pW2mX9vB3nR8sX";

	@LocalServerPort
	private int port;

	@Test
	void aTokenInTheQueryOpensTheCamerasStreamWithoutASession() throws IOException {
		try (MjpegClient stream = MjpegClient.open(this.port, "/cameras/cam/stream.mjpg?fps=5&token=" + TOKEN)) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.nextPart().isCompleteJpeg()).isTrue();
			assertThat(stream.header("Set-Cookie")).isNull();
		}
	}

	@Test
	void aBearerTokenOpensTheStillAndTheShortUrlsOfTheFirstCamera() throws IOException {
		Map<String, String> bearer = Map.of("Authorization", "Bearer " + TOKEN, "Connection", "close");
		for (String path : new String[] { "/cameras/cam/snapshot.jpg", "/snapshot.jpg", "/stream.mjpg" }) {
			try (MjpegClient response = MjpegClient.open(this.port, path, bearer)) {
				assertThat(response.status()).as(path).isEqualTo(200);
			}
		}
	}

	@Test
	void aWrongTokenOrAnotherCamerasTokenIsRefused() throws IOException {
		for (String path : new String[] { "/cameras/cam/stream.mjpg?token=" + WRONG,
				"/cameras/second/stream.mjpg?token=" + TOKEN, "/cameras/cam/snapshot.jpg?token=" }) {
			try (MjpegClient response = MjpegClient.open(this.port, path, Map.of("Connection", "close"))) {
				assertThat(response.status()).as(path).isEqualTo(401);
			}
		}
	}

	@Test
	void aTokenOpensNoPageAndNoApi() throws IOException {
		for (String path : new String[] { "/cameras/cam?token=" + TOKEN, "/cameras/cam/status?token=" + TOKEN,
				"/?token=" + TOKEN, "/actuator/metrics?token=" + TOKEN }) {
			try (MjpegClient response = MjpegClient.open(this.port, path,
					Map.of("Authorization", "Bearer " + TOKEN, "Connection", "close"))) {
				assertThat(response.status()).as(path).isIn(302, 401);
			}
		}
	}

	@Test
	void tokensNeverAppearInTheLog(CapturedOutput output) throws IOException {
		try (DebugLogging debug = DebugLogging.on("io.camdash")) {
			for (String token : new String[] { TOKEN, WRONG }) {
				try (MjpegClient response = MjpegClient.open(this.port, "/cameras/cam/snapshot.jpg?token=" + token,
						Map.of("Connection", "close"))) {
					response.bodyText(100_000);
				}
				try (MjpegClient response = MjpegClient.open(this.port, "/cameras/cam/snapshot.jpg",
						Map.of("Authorization", "Bearer " + token, "Connection", "close"))) {
					response.bodyText(100_000);
				}
			}
		}
		assertThat(output.getAll()).contains("Refused a wrong access token for camera 'cam'")
			.doesNotContain(TOKEN)
			.doesNotContain(WRONG);
	}

}
