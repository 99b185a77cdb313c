package io.camdash.security;

import java.time.Duration;
import java.util.Locale;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password (from the sign-in form or HTTP Basic), refusing at once
 * while that user or client address is locked by {@link LoginAttempts}, and counting
 * failures.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginAttempts attempts;

	private final TrustedBrowsers browsers;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginAttempts attempts,
			TrustedBrowsers browsers) {
		this.passwords = passwords;
		this.attempts = attempts;
		this.browsers = browsers;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		// User names match case-insensitively, so the lock must too: "Admin" is "admin".
		String user = String.valueOf(authentication.getName()).toLowerCase(Locale.ROOT);
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown";
		String browser = (authentication.getDetails() instanceof SignInDetails details)
				? this.browsers.browserOf(details.browserCookie(), user) : null;
		Duration locked = this.attempts.lockedFor(user, address, browser);
		if (!locked.isZero()) {
			throw new SignInLockedException(locked);
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.attempts.succeeded(user, address, browser);
			return result;
		}
		catch (BadCredentialsException ex) {
			this.attempts.failed(user, address, browser);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Too many failed sign-ins: refused without checking the password. */
	static class SignInLockedException extends LockedException {

		SignInLockedException(Duration remaining) {
			super("Too many failed sign-ins; try again in " + Math.max(1, remaining.toSeconds()) + " s");
		}

	}

}
