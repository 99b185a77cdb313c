package io.camdash.security;

import java.net.http.HttpResponse;

import io.camdash.support.SignedInClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camdash.security.frame-ancestors lets a Home Assistant dashboard frame the pages: the
 * CSP names it and X-Frame-Options (which cannot) is left out.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "camdash.security.frame-ancestors=https://ha.example.org:8123,'self'")
class FrameAncestorsIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void pagesMayBeFramedByTheConfiguredOrigins() {
		for (String path : new String[] { "/login", "/snapshot.jpg", "/api/v1/cameras" }) {
			HttpResponse<String> response = SignedInClient.anonymous(this.port).get(path);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying(
						(csp) -> assertThat(csp).endsWith("frame-ancestors https://ha.example.org:8123 'self'"));
			assertThat(response.headers().firstValue("X-Frame-Options")).as(path).isEmpty();
		}
	}

}
