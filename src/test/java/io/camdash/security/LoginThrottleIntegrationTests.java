package io.camdash.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import io.camdash.support.MjpegClient;
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
					"Sign-in for user 'viewer' is locked for PT5M after 3 failures")
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

}
