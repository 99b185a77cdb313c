package io.camdash.camera;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.camdash.support.MjpegClient;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets in a camera's URL reach no VIEWER (status, live page, health, API) and no log
 * line; ADMINs see the URL with its secrets masked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camdash.cameras[0].id=door",
		"camdash.cameras[0].source=" + SourceSecretsIntegrationTests.SOURCE, "camdash.streaming.snapshot-timeout=1s" })
@ExtendWith(OutputCaptureExtension.class)
class SourceSecretsIntegrationTests {

	// Port 9 (discard) on loopback: nothing listens, so the camera fails to open.
	static final String SOURCE = "http://cam-user:cam-password@127.0.0.1:9/video.mjpg"
			+ "?api_key=KEY-SECRET&access_token=TOKEN-SECRET";

	@LocalServerPort
	private int port;

	@Test
	void viewersSeeSchemeHostAndPathAdminsSeeSecretsMaskedAndLogsHoldNone(CapturedOutput output) throws IOException {
		try (MjpegClient still = MjpegClient.open(this.port, "/cameras/door/snapshot.jpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			assertThat(still.status()).as("the camera was tried, and failed").isEqualTo(503);
		}
		SignedInClient viewer = SignedInClient.signIn(this.port, TestUsers.VIEWER);
		for (String page : new String[] { "/cameras/status", "/cameras/door/status", "/cameras/door",
				"/actuator/health", "/actuator/health/cameras/door", "/api/v1/cameras", "/api/v1/cameras/door" }) {
			String body = page.equals("/cameras/door") ? viewer.get(page).body() : json(viewer, page);
			assertThat(body).as(page)
				.doesNotContain("SECRET", "api_key", "access_token", "cam-user", "cam-password", "***");
		}
		assertThat(json(viewer, "/cameras/door/status")).contains("http://127.0.0.1:9/video.mjpg");
		assertThat(json(viewer, "/api/v1/cameras/door")).contains("http://127.0.0.1:9/video.mjpg");
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		assertThat(json(admin, "/cameras/door/status"))
			.contains("http://***@127.0.0.1:9/video.mjpg?api_key=***&access_token=***")
			.doesNotContain("SECRET", "cam-user", "cam-password");
		assertThat(json(admin, "/api/v1/cameras")).contains("api_key=***").doesNotContain("SECRET", "cam-password");
		assertThat(admin.get("/cameras/door").body()).contains("api_key=***").doesNotContain("SECRET");
		assertThat(output.getAll()).contains("127.0.0.1:9/video.mjpg")
			.doesNotContain("SECRET", "cam-user", "cam-password");
	}

	private String json(SignedInClient client, String path) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json")
			.build();
		try {
			HttpResponse<String> response = client.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isIn(200, 503);
			return response.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
