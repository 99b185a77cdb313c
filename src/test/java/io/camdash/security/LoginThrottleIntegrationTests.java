package io.camdash.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camdash.support.MjpegClient;
import io.camdash.support.RawHttp;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute force is throttled: per user name, then per client address; the log tells,
 * without passwords.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camdash.security.login-throttle.max-failures-per-user=3",
				"camdash.security.login-throttle.max-failures-per-address=8" })
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(OrderAnnotation.class)
class LoginThrottleIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	@Order(1)
	void repeatedWrongPasswordsLockTheUserEvenForTheRightOne(CapturedOutput output) throws IOException {
		SignedInClient client = SignedInClient.anonymous(this.port);
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> failed = client.submitLogin("viewer", "guess-" + i, false);
			assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
			assertThat(client.get("/login").body()).contains("Wrong user name or password.");
		}
		HttpResponse<String> locked = client.submitLogin("viewer", TestUsers.VIEWER.password(), false);
		assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(client.get("/login").body()).contains("Too many failed sign-ins");
		// HTTP Basic is throttled the same way.
		try (MjpegClient basic = MjpegClient.open(this.port, "/snapshot.jpg",
				Map.of("Authorization", TestUsers.VIEWER.authorization(), "Connection", "close"))) {
			assertThat(basic.status()).isEqualTo(401);
		}
		// Another user is not locked by this one's failures.
		SignedInClient.signIn(this.port, TestUsers.ADMIN);
		assertThat(output.getAll())
			.contains("Failed sign-in for user 'viewer' from 127.0.0.1",
					"Sign-in for user 'viewer' from 127.0.0.1 is locked for PT5M after 3 failures")
			.doesNotContain("guess-0", "guess-2", TestUsers.VIEWER.password());
	}

	@Test
	@Order(2)
	void manyFailuresFromOneAddressLockThatAddress(CapturedOutput output) {
		SignedInClient client = SignedInClient.anonymous(this.port);
		for (int i = 0; i < 8; i++) {
			client.submitLogin("nobody-" + i, "guess", false);
		}
		HttpResponse<String> locked = client.submitLogin(TestUsers.ADMIN.name(), TestUsers.ADMIN.password(), false);
		assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(output.getAll()).contains("Sign-in from 127.0.0.1 is locked");
	}

	@Test
	@Order(3)
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
