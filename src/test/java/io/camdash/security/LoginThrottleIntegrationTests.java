package io.camdash.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camdash.support.RawHttp;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker's guesses do not lock the owner out: a browser that signed in before is
 * held only by its own failures. Needs a real server, since the guesses come from another
 * loopback address than the owner's. The rest of the throttle is tested in
 * {@link LoginThrottleTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camdash.security.login-throttle.max-failures-per-user=3",
				"camdash.security.login-throttle.max-failures-per-address=8" })
class LoginThrottleIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void guessesFromElsewhereNeverLockOutABrowserThatSignedInBefore() throws IOException {
		String ownersBrowser = signInFrom("127.0.0.9", null, TestUsers.ADMIN.password()).trustedBrowser();
		assertThat(ownersBrowser).isNotNull();
		for (int i = 0; i < 6; i++) {
			signInFrom("127.0.0.2", null, "guess-" + i);
		}
		SignIn locked = signInFrom("127.0.0.2", null, TestUsers.ADMIN.password());
		assertThat(locked.signedIn()).as("the attacker's address is locked").isFalse();
		SignIn owner = signInFrom("127.0.0.9", ownersBrowser, TestUsers.ADMIN.password());
		assertThat(owner.signedIn()).as("the owner's browser is not").isTrue();
	}

	/** Signs in through the form from a given loopback address, as a browser would. */
	private SignIn signInFrom(String address, String trustedBrowser, String password) throws IOException {
		String cookies;
		String csrf;
		try (RawHttp http = RawHttp.connect(this.port, address)) {
			RawHttp.Response page = http.send("GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.read(Duration.ofSeconds(10));
			cookies = page.header("Set-Cookie").replaceFirst(";.*", "");
			Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
			assertThat(token.find()).isTrue();
			csrf = token.group(1);
		}
		if (trustedBrowser != null) {
			cookies += "; " + TrustedBrowsers.COOKIE + "=" + trustedBrowser;
		}
		String body = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		try (RawHttp http = RawHttp.connect(this.port, address)) {
			RawHttp.Response answer = http
				.send("POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nCookie: " + cookies
						+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
						+ "\r\n\r\n" + body)
				.readHead(Duration.ofSeconds(10));
			String setCookie = String.valueOf(answer.header("Set-Cookie"));
			Matcher browser = Pattern.compile(TrustedBrowsers.COOKIE + "=([^;,]+)").matcher(setCookie);
			return new SignIn(!answer.header("Location").contains("/login"), browser.find() ? browser.group(1) : null);
		}
	}

	private record SignIn(boolean signedIn, String trustedBrowser) {

	}

}
