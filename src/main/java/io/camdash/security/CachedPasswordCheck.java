package io.camdash.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Checks a name and password with the password encoder only when
 * {@link VerifiedPasswordCache} has not seen them verified lately. Sits inside the
 * sign-in throttle, so a locked name is refused even with a remembered password, and the
 * user's current roles are read on every request.
 */
final class CachedPasswordCheck implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final UserDetailsService users;

	private final VerifiedPasswordCache cache;

	CachedPasswordCheck(AuthenticationProvider passwords, UserDetailsService users, VerifiedPasswordCache cache) {
		this.passwords = passwords;
		this.users = users;
		this.cache = cache;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String name = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		String verified = this.cache.verified(name, password);
		if (verified != null) {
			UserDetails user = this.users.loadUserByUsername(verified);
			if (user.isEnabled() && user.isAccountNonLocked()) {
				UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user,
						null, user.getAuthorities());
				result.setDetails(authentication.getDetails());
				return result;
			}
		}
		Authentication result = this.passwords.authenticate(authentication);
		if (result != null && result.isAuthenticated()) {
			this.cache.remember(name, password);
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
