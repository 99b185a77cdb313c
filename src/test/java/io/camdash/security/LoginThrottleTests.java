package io.camdash.security;

import java.nio.file.Path;

import io.camdash.camera.StreamingProperties;
import io.camdash.settings.SettingsFile;
import io.camdash.support.TestUsers;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Brute force is throttled: per user name, then per client address; the log tells,
 * without passwords. camdash's own security configuration and sign-in page in a web
 * slice: no server, no cameras.
 */
@WebMvcTest(controllers = LoginController.class,
		properties = { "camdash.security.login-throttle.max-failures-per-user=3",
				"camdash.security.login-throttle.max-failures-per-address=8" })
@Import(SecurityConfiguration.class)
// The slice leaves out the application's @ConfigurationPropertiesScan: bind what the web
// layer needs.
@EnableConfigurationProperties({ SecuritySettings.class, StreamingProperties.class })
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(OrderAnnotation.class)
class LoginThrottleTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	@Order(1)
	void repeatedWrongPasswordsLockTheUserEvenForTheRightOne(CapturedOutput output) {
		for (int i = 0; i < 3; i++) {
			MvcTestResult failed = signIn("viewer", "guess-" + i);
			assertThat(failed).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?error");
			loginPage(failed).contains("Wrong user name or password.");
		}
		MvcTestResult locked = signIn("viewer", TestUsers.VIEWER.password());
		assertThat(locked).hasRedirectedUrl("/login?error");
		loginPage(locked).contains("Too many failed sign-ins");
		// HTTP Basic is throttled the same way.
		assertThat(this.mvc.get().uri("/snapshot.jpg").with(httpBasic("viewer", TestUsers.VIEWER.password())))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		// Another user is not locked by this one's failures.
		assertThat(signIn(TestUsers.ADMIN.name(), TestUsers.ADMIN.password())).hasRedirectedUrl("/");
		assertThat(output.getAll())
			.contains("Failed sign-in for user 'viewer' from 127.0.0.1",
					"Sign-in for user 'viewer' from 127.0.0.1 is locked for PT5M after 3 failures")
			.doesNotContain("guess-0", "guess-2", TestUsers.VIEWER.password());
	}

	@Test
	@Order(2)
	void manyFailuresFromOneAddressLockThatAddress(CapturedOutput output) {
		for (int i = 0; i < 8; i++) {
			signIn("nobody-" + i, "guess");
		}
		assertThat(signIn(TestUsers.ADMIN.name(), TestUsers.ADMIN.password())).hasRedirectedUrl("/login?error");
		assertThat(output.getAll()).contains("Sign-in from 127.0.0.1 is locked");
	}

	private MvcTestResult signIn(String user, String password) {
		return this.mvc.post()
			.uri("/login")
			.param("username", user)
			.param("password", password)
			.with(csrf())
			.exchange();
	}

	/** The sign-in page the browser lands on after a failed sign-in, in its session. */
	private AbstractStringAssert<?> loginPage(MvcTestResult failed) {
		MockHttpSession session = (MockHttpSession) failed.getRequest().getSession(false);
		return assertThat(this.mvc.get().uri("/login").session(session)).hasStatusOk().bodyText();
	}

	/**
	 * No cameras here: the short URLs' camera, which the tools' filter chain asks for.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Cameras {

		@Bean
		FirstCamera firstCamera() {
			return () -> "cam";
		}

		/**
		 * No users or camera tokens made in the browser: a settings file that is not
		 * there.
		 */
		@Bean
		SettingsSections settingsSections() {
			return new SettingsFile(Path.of("target/login-throttle-test-data"));
		}

	}

}
