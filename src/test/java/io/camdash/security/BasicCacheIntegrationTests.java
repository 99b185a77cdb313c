package io.camdash.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP Basic for polling tools: verified passwords are remembered, so polling costs no
 * password hash per request; wrong Basic passwords lock the name like wrong sign-ins.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "camdash.security.login-throttle.max-failures-per-user=3")
class BasicCacheIntegrationTests {

	@LocalServerPort
	private int port;

	/** The real encoder, watched to count the password hashes checked. */
	@MockitoSpyBean
	private PasswordEncoder encoder;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void fiftyBasicRequestsInARowCostLessThanTwoPasswordHashes() throws Exception {
		Mockito.clearInvocations(this.encoder);
		for (int i = 0; i < 50; i++) {
			assertThat(get("/api/v1/cameras", TestUsers.ADMIN.authorization()).statusCode()).isEqualTo(200);
		}
		assertThat(hashesChecked()).isLessThan(2);
		// A wrong password is never taken from the cache.
		assertThat(get("/api/v1/cameras", basic(TestUsers.ADMIN.name(), "wrong")).statusCode()).isEqualTo(401);
		assertThat(hashesChecked()).isEqualTo(2);
	}

	@Test
	void wrongBasicPasswordsLockTheNameLikeWrongSignIns() throws Exception {
		String right = TestUsers.VIEWER.authorization();
		// Remembered once ...
		assertThat(get("/snapshot.jpg", right).statusCode()).isEqualTo(200);
		for (int i = 0; i < 3; i++) {
			assertThat(get("/api/v1/cameras", basic(TestUsers.VIEWER.name(), "guess-" + i)).statusCode())
				.isEqualTo(401);
		}
		// ... but a locked name is refused even with its remembered password, over Basic
		// and at the sign-in form.
		assertThat(get("/api/v1/cameras", right).statusCode()).isEqualTo(401);
		assertThat(get("/snapshot.jpg", right).statusCode()).isEqualTo(401);
		SignedInClient browser = SignedInClient.anonymous(this.port);
		HttpResponse<String> signIn = browser.submitLogin(TestUsers.VIEWER.name(), TestUsers.VIEWER.password(), false);
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(browser.get("/login").body()).contains("Too many failed sign-ins");
	}

	private long hashesChecked() {
		return Mockito.mockingDetails(this.encoder)
			.getInvocations()
			.stream()
			.filter((invocation) -> invocation.getMethod().getName().equals("matches"))
			.count();
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", authorization)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String name, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
