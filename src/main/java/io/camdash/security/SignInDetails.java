package io.camdash.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the throttle needs to know about a sign-in besides name and password: the client
 * address, and the trusted-browser cookie the browser sent, if any.
 */
class SignInDetails extends WebAuthenticationDetails {

	private final @Nullable String browserCookie;

	SignInDetails(HttpServletRequest request) {
		super(request);
		this.browserCookie = TrustedBrowsers.cookie(request);
	}

	@Nullable String browserCookie() {
		return this.browserCookie;
	}

}
