package io.camdash.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens an API request sent with {@code Authorization: Bearer <API token>}. The request
 * is stateless: the token authenticates it alone, no session is read or made, and no CSRF
 * token is needed (no cookie is involved, and a page elsewhere cannot add this header). A
 * wrong or revoked token is refused with 401 at once.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	/**
	 * Requests this filter answers for: CSRF protection leaves them out, because they are
	 * authenticated by the header or refused.
	 */
	static final RequestMatcher BEARER_REQUESTS = (request) -> bearerToken(request) != null;

	private static final Logger logger = LoggerFactory.getLogger(ApiTokenFilter.class);

	private static final String BEARER = "Bearer ";

	private final ApiTokenStore tokens;

	private final AuthenticationEntryPoint refusal;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiTokenFilter(ApiTokenStore tokens, AuthenticationEntryPoint refusal) {
		this.tokens = tokens;
		this.refusal = refusal;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = bearerToken(request);
		if (presented == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiToken> token = this.tokens.use(presented);
		if (token.isEmpty()) {
			logger.info("Refused a wrong or revoked API token from {}", request.getRemoteAddr());
			this.refusal.commence(request, response, new BadCredentialsException("Wrong or revoked API token"));
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(new ApiTokenAuthentication(token.get()));
		this.contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.contexts.clearContext();
		}
	}

	private static @Nullable String bearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return header.substring(BEARER.length()).trim();
		}
		return null;
	}

	/** A request opened with an API token: the token's role, named after the token. */
	static final class ApiTokenAuthentication extends AbstractAuthenticationToken {

		private final String name;

		ApiTokenAuthentication(ApiToken token) {
			super(AuthorityUtils.createAuthorityList("ROLE_" + token.role().name()));
			this.name = "token:" + token.name();
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return this.name;
		}

	}

}
