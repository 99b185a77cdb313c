package io.camdash.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a session out when its user was removed, or got another password or role, since
 * the session signed in: each session carries the version of its user it started with
 * ({@link UserAccounts#version}), and a request whose session's version is no longer the
 * user's ends that session and its remember-me cookie. It then goes on as a visitor who
 * is not signed in (to the sign-in page, or 401 for tools).
 */
final class ChangedUserFilter extends OncePerRequestFilter {

	private static final String VERSION = ChangedUserFilter.class.getName() + ".VERSION";

	private static final Logger log = LoggerFactory.getLogger(ChangedUserFilter.class);

	private final UserAccounts accounts;

	private final RevocableRememberMeServices rememberMe;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ChangedUserFilter(UserAccounts accounts, RevocableRememberMeServices rememberMe) {
		this.accounts = accounts;
		this.rememberMe = rememberMe;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& (authentication instanceof UsernamePasswordAuthenticationToken
						|| authentication instanceof RememberMeAuthenticationToken)) {
			String name = authentication.getName();
			long version = this.accounts.version(name);
			HttpSession session = request.getSession(false);
			Object started = (session != null) ? session.getAttribute(VERSION) : null;
			if (version < 0 || (started != null && !started.equals(stamp(name, version)))) {
				log.info("Signed out a session of user '{}': {}", LogSafe.text(name),
						(version < 0) ? "the user was removed" : "the user's password or role changed");
				if (session != null) {
					session.invalidate();
				}
				this.rememberMe.loginFail(request, response);
				SecurityContext visitor = this.contexts.createEmptyContext();
				visitor.setAuthentication(new AnonymousAuthenticationToken("signed-out", "anonymousUser",
						AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
				this.contexts.setContext(visitor);
			}
			else if (session != null && started == null) {
				session.setAttribute(VERSION, stamp(name, version));
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * Marks a session as signed in with its user's current version: after a sign-in, and
	 * after users change their own password (so their own session stays).
	 */
	static void startedNow(HttpServletRequest request, UserAccounts accounts, String name) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setAttribute(VERSION, stamp(name, accounts.version(name)));
		}
	}

	private static String stamp(String name, long version) {
		return name.toLowerCase(Locale.ROOT) + ":" + version;
	}

}
