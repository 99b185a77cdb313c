package io.camdash.security;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPattern.PathMatchInfo;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Lets tools open one camera's stream or still with that camera's access token, given as
 * {@code ?token=} or {@code Authorization: Bearer}. A matching token authenticates this
 * request only (no session); a wrong one is refused with 401. Tokens are checked by
 * {@link CameraTokenStore} and never logged.
 */
class CameraTokenFilter extends OncePerRequestFilter {

	/** The authority of a request opened with a camera token. */
	static final String CAMERA_TOKEN = "CAMERA_TOKEN";

	private static final Logger log = LoggerFactory.getLogger(CameraTokenFilter.class);

	private static final PathPattern CAMERA_PATH = PathPatternParser.defaultInstance.parse("/cameras/{id}/**");

	private static final String BEARER = "Bearer ";

	private final CameraTokenStore tokens;

	private final Supplier<String> firstCameraId;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	CameraTokenFilter(CameraTokenStore tokens, Supplier<String> firstCameraId) {
		this.tokens = tokens;
		this.firstCameraId = firstCameraId;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = presentedToken(request);
		// A request an API token opened already (ApiTokenFilter runs first) is left
		// alone.
		if (token == null
				|| this.contexts.getContext().getAuthentication() instanceof ApiTokenFilter.ApiTokenAuthentication) {
			chain.doFilter(request, response);
			return;
		}
		String cameraId = cameraId(request);
		if (!this.tokens.opens(cameraId, token)) {
			log.info("Refused a wrong access token for camera '{}' from {}", LogSafe.text(cameraId),
					request.getRemoteAddr());
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"camdash\", error=\"invalid_token\"");
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Wrong access token for this camera");
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(new CameraTokenAuthentication(cameraId));
		this.contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.contexts.clearContext();
		}
	}

	/** The token in the Authorization header or the query, or null. */
	static @Nullable String presentedToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return header.substring(BEARER.length()).trim();
		}
		String query = request.getQueryString();
		return (query != null && query.contains("token=")) ? request.getParameter("token") : null;
	}

	private String cameraId(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		PathMatchInfo match = CAMERA_PATH.matchAndExtract(PathContainer.parsePath(path));
		return (match != null) ? match.getUriVariables().get("id") : this.firstCameraId.get();
	}

	/** A request opened with one camera's token. */
	static final class CameraTokenAuthentication extends AbstractAuthenticationToken {

		private final String cameraId;

		CameraTokenAuthentication(String cameraId) {
			super(AuthorityUtils.createAuthorityList(CAMERA_TOKEN));
			this.cameraId = cameraId;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return "token:" + this.cameraId;
		}

	}

}
