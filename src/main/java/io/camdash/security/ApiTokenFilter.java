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
 * Opens a request sent with {@code Authorization: Bearer <API token>}. The request is
 * stateless: the token authenticates it alone, no session is read or made, and no CSRF
 * token is needed (no cookie is involved, and a page elsewhere cannot add this header).
 * On the API ({@link #forApi}) a wrong or revoked token is refused with 401 at once. On
 * the stream and still URLs ({@link #forTools}) an API token may also come as
 * {@code ?token=}, like a camera token, and a token that is no API token is left to
 * {@link CameraTokenFilter}, which refuses it if it is no camera token either.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

	/**
	 * Requests this filter answers for on the API: CSRF protection leaves them out,
	 * because they are authenticated by the header or refused.
	 */
	static final RequestMatcher BEARER_REQUESTS = (request) -> bearerToken(request) != null;

	private static final Logger log = LoggerFactory.getLogger(ApiTokenFilter.class);

	private static final String BEARER = "Bearer ";

	private final ApiTokenStore tokens;

	/** Refuses a wrong token; null: leave it to the next filter. */
	private final @Nullable AuthenticationEntryPoint refusal;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private ApiTokenFilter(ApiTokenStore tokens, @Nullable AuthenticationEntryPoint refusal) {
		this.tokens = tokens;
		this.refusal = refusal;
	}

	/** For the API: a Bearer token must be a valid API token. */
	static ApiTokenFilter forApi(ApiTokenStore tokens, AuthenticationEntryPoint refusal) {
		return new ApiTokenFilter(tokens, refusal);
	}

	/**
	 * For streams and stills: an API token in the header or the query opens the request;
	 * any other token goes on to the camera tokens.
	 */
	static ApiTokenFilter forTools(ApiTokenStore tokens) {
		return new ApiTokenFilter(tokens, null);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = (this.refusal != null) ? bearerToken(request) : CameraTokenFilter.presentedToken(request);
		Optional<ApiToken> token = (presented != null) ? this.tokens.use(presented) : Optional.empty();
		if (token.isEmpty()) {
			if (presented == null || this.refusal == null) {
				chain.doFilter(request, response);
				return;
			}
			log.info("Refused a wrong or revoked API token from {}", request.getRemoteAddr());
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
			super(AuthorityUtils.createAuthorityList(token.role().authority()));
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
