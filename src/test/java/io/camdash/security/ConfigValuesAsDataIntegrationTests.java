package io.camdash.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.camdash.support.MjpegClient;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import io.camdash.support.TwoCamerasTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * motionEye CVE-2025-60787: config values reached a shell. Here they are only ever data:
 * escaped, never run.
 */
@TwoCamerasTest
class ConfigValuesAsDataIntegrationTests {

	private static final String MARKER = TwoCamerasTest.MARKER;

	@LocalServerPort
	private int port;

	@Test
	void aCameraNameWithShellAndHtmlMetacharactersIsShownEscapedAndNothingRuns() throws IOException {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		for (String page : new String[] { "/", "/cameras/second" }) {
			HttpResponse<String> response = admin.get(page);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).as(page)
				.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
				.doesNotContain("<script>alert(1)");
		}
		Map<String, String> headers = new HashMap<>(TestUsers.basicAuth(TestUsers.ADMIN));
		headers.put("Connection", "close");
		try (MjpegClient status = MjpegClient.open(this.port, "/cameras/second/status", headers)) {
			// JSON with nosniff: the name is a string value, never markup.
			assertThat(status.header("Content-Type")).startsWith("application/json");
			assertThat(status.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(status.bodyText(10_000)).contains("$(touch");
		}
		try (MjpegClient still = MjpegClient.open(this.port, "/cameras/second/snapshot.jpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			assertThat(still.status()).as("the name is drawn on frames as text").isEqualTo(200);
		}
		assertThat(Files.exists(Path.of(MARKER))).as("no shell ran the name").isFalse();
	}

}
