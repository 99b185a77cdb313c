package io.camdash.security;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each "start" here builds the users and the remember-me service anew over the same data
 * folder, as a restart of camdash does: a plain-text password is hashed differently each
 * time.
 */
class RevocableRememberMeServicesTests {

	private static final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@TempDir
	Path data;

	@Test
	void aCookieSurvivesARestartWithAPlainTextPassword() {
		Cookie cookie = signInRemembered(start("plain-password"));
		assertThat(autoLogin(start("plain-password"), cookie)).isNotNull();
	}

	@Test
	void signingOutRevokesTheCookieAndItsCopiesEvenAfterARestart() {
		RevocableRememberMeServices first = start("plain-password");
		Cookie cookie = signInRemembered(first);
		Cookie copy = new Cookie(cookie.getName(), cookie.getValue());
		MockHttpServletRequest logout = new MockHttpServletRequest("POST", "/logout");
		logout.setCookies(cookie);
		first.logout(logout, new MockHttpServletResponse(), null);
		assertThat(autoLogin(first, copy)).isNull();
		assertThat(autoLogin(start("plain-password"), copy)).isNull();
		assertThat(autoLogin(start("plain-password"), signInRemembered(first))).as("a new sign-in is not revoked")
			.isNotNull();
	}

	@Test
	void aPasswordChangeEndsTheCookie() {
		Cookie cookie = signInRemembered(start("old-password"));
		assertThat(autoLogin(start("new-password"), cookie)).isNull();
	}

	@Test
	void theCookieIsHttpOnlyAndSameSiteLax() {
		Cookie cookie = signInRemembered(start("plain-password"));
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
	}

	private RevocableRememberMeServices start(String configuredPassword) {
		SecretFiles files = new SecretFiles(this.data);
		String key = files.read("remember-me-key").orElseGet(() -> {
			files.write("remember-me-key", "a-test-key");
			return "a-test-key";
		});
		UserDetails family = User.withUsername("family")
			.password(AdminPassword.encoded(configuredPassword, encoder))
			.roles("VIEWER")
			.build();
		RevocableRememberMeServices services = new RevocableRememberMeServices(key,
				new InMemoryUserDetailsManager(family), Map.of("family", configuredPassword), files, Clock.systemUTC());
		services.setTokenValiditySeconds(3600);
		return services;
	}

	private static Cookie signInRemembered(RevocableRememberMeServices services) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setParameter("remember-me", "on");
		MockHttpServletResponse response = new MockHttpServletResponse();
		services.loginSuccess(request, response,
				UsernamePasswordAuthenticationToken.authenticated("family", null, java.util.List.of()));
		return response.getCookie("remember-me");
	}

	private static Authentication autoLogin(RevocableRememberMeServices services, Cookie cookie) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setCookies(cookie);
		return services.autoLogin(request, new MockHttpServletResponse());
	}

}
