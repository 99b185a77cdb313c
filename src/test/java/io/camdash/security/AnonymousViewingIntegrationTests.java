package io.camdash.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import io.camdash.support.MjpegClient;
import io.camdash.support.SignedInClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** On a trusted LAN anyone may watch, but every change still needs a signed-in ADMIN. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "camdash.security.anonymous-viewing=true")
class AnonymousViewingIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void anyoneMayWatch() throws IOException {
		SignedInClient anonymous = SignedInClient.anonymous(this.port);
		HttpResponse<String> dashboard = anonymous.get("/");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).contains("Sign in").doesNotContain("Sign out");
		try (MjpegClient stream = MjpegClient.open(this.port, "/stream.mjpg")) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.nextPart().isCompleteJpeg()).isTrue();
		}
	}

	@Test
	void everyChangeStillNeedsSigningIn() {
		SignedInClient anonymous = SignedInClient.anonymous(this.port);
		for (ProtectedRoutes.Route route : ProtectedRoutes.CHANGES) {
			HttpResponse<String> response = anonymous.send(route.method(), route.path(), Map.of(), true);
			assertThat(response.statusCode()).as(route.toString()).isIn(302, 401);
		}
		assertThat(anonymous.get("/actuator/metrics").statusCode()).isEqualTo(401);
	}

}
