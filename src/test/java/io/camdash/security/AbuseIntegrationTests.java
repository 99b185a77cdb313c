package io.camdash.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.camdash.support.RawHttp;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests meant to hurt: forged tokens, malformed and oversized requests, large bodies
 * from strangers. Each is refused quickly, in words, with the security headers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AbuseIntegrationTests {

	private static final Duration QUICKLY = Duration.ofSeconds(5);

	@LocalServerPort
	private int port;

	@Test
	void aForgedWellFormedCsrfTokenIsRefusedLikeAMissingOne() {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		byte[] forged = new byte[72];
		new SecureRandom().nextBytes(forged);
		HttpResponse<String> withForged = admin.send("POST", "/notes/new",
				Map.of("title", "x", "content", "y", "_csrf", Base64.getUrlEncoder().encodeToString(forged)), false);
		HttpResponse<String> without = admin.send("POST", "/notes/new", Map.of("title", "x", "content", "y"), false);
		assertThat(without.statusCode()).isEqualTo(403);
		assertThat(withForged.statusCode()).isEqualTo(403);
		assertThat(withForged.body()).doesNotContain("Exception", "java.");
	}

	@Test
	void aRememberMeCookieCopiedBeforeSignOutNoLongerSignsIn() throws IOException {
		SignedInClient browser = SignedInClient.anonymous(this.port);
		browser.submitLogin(TestUsers.VIEWER.name(), TestUsers.VIEWER.password(), true);
		String copied = browser.cookie("remember-me").orElseThrow();
		assertThat(signedInWith(copied)).as("the copy works before sign-out").isTrue();
		browser.refreshCsrfToken("/");
		assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(302);
		assertThat(signedInWith(copied)).as("the copy after sign-out").isFalse();
	}

	private boolean signedInWith(String rememberMe) throws IOException {
		try (RawHttp http = RawHttp.connect(this.port)) {
			RawHttp.Response page = http
				.send("GET /notes HTTP/1.1\r\nHost: localhost\r\nCookie: remember-me=" + rememberMe + "\r\n\r\n")
				.readHead(QUICKLY);
			return page.status() == 200;
		}
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() throws IOException {
		try (RawHttp http = RawHttp.connect(this.port)) {
			RawHttp.Response login = http.send("GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.read(QUICKLY);
			assertThat(login.header("Set-Cookie")).contains("JSESSIONID=", "HttpOnly")
				.containsIgnoringCase("SameSite=Lax");
		}
	}

	@Test
	void requestsJettyRefusesCarryTheSecurityHeadersAndAPlainSentence() throws IOException {
		assertPlainRefusal(request("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 414);
		assertPlainRefusal(request("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n"),
				431);
		assertPlainRefusal(request("GET /notes/a%2Fb.md HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
		assertPlainRefusal(request("GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n\r\n"), 400);
	}

	@Test
	void theFirewallsRefusalCarriesTheSecurityHeadersAndNoMenu() throws IOException {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		String session = admin.cookie("JSESSIONID").orElseThrow();
		RawHttp.Response refused = request(
				"GET /notes/a;b.md HTTP/1.1\r\nHost: localhost\r\nCookie: JSESSIONID=" + session + "\r\n\r\n");
		assertPlainRefusal(refused, 400);
		assertThat(refused.body()).doesNotContain("admin", "Sign out");
		assertPlainRefusal(request("FOO / HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
	}

	@Test
	void aLargeBodyFromSomeoneNotSignedInIsRefusedBeforeItIsRead() throws IOException {
		try (RawHttp http = RawHttp.connect(this.port)) {
			// 15 MB announced; only the head is sent. Reading it first would wait here.
			RawHttp.Response refused = http
				.send("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
						+ "Content-Length: 15000000\r\n\r\nusername=admin&password=")
				.read(QUICKLY);
			assertThat(refused.status()).isEqualTo(413);
			assertThat(refused.body()).contains("Request too large");
			assertThat(refused.header("Connection")).isEqualTo("close");
		}
		try (RawHttp http = RawHttp.connect(this.port)) {
			RawHttp.Response refused = http.send(
					"POST /notes/new HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
							+ "Transfer-Encoding: chunked\r\n\r\n10\r\ncontent=aaaaaaaa\r\n")
				.read(QUICKLY);
			assertThat(refused.status()).isEqualTo(413);
		}
		// The JSON API too, where a form body would be read for a CSRF token.
		try (RawHttp http = RawHttp.connect(this.port)) {
			RawHttp.Response refused = http
				.send("PUT /api/v1/notes/welcome.md HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 15000000\r\n\r\n_csrf=")
				.read(QUICKLY);
			assertThat(refused.status()).isEqualTo(413);
		}
	}

	@Test
	void aSignedInAdminStillSendsALargeNote() {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		HttpResponse<String> preview = admin.post("/notes/preview", Map.of("content", "word ".repeat(40_000)));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("word word");
	}

	private RawHttp.Response request(String text) throws IOException {
		try (RawHttp http = RawHttp.connect(this.port)) {
			return http.send(text).read(QUICKLY);
		}
	}

	private static void assertPlainRefusal(RawHttp.Response response, int status) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(response.header("Permissions-Policy")).isEqualTo(SecurityConfiguration.PERMISSIONS_POLICY);
		assertThat(response.header("Content-Type")).startsWith("text/plain");
		assertThat(response.body()).doesNotContain("Exception", "Jetty", "<html");
	}

}
