package io.camdash.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a large body from someone not signed in before anything reads it: the CSRF
 * check and the sign-in form parse form bodies, so without this anyone could make the
 * server buffer megabytes per request. The sign-in form is far below the limit; larger
 * bodies (a note) come only with a signed-in session. A body of unknown length counts as
 * large. The connection is closed rather than drained.
 */
class AnonymousBodyLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	AnonymousBodyLimitFilter(DataSize limit) {
		this.maxBytes = limit.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (tooLarge(request) && !signedIn()) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setHeader(HttpHeaders.CONNECTION, "close");
			response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8");
			response.getWriter()
				.write("Request too large: sign in first (at most " + this.maxBytes / 1024
						+ " KB are accepted before).\n");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean tooLarge(HttpServletRequest request) {
		long length = request.getContentLengthLong();
		return length > this.maxBytes || (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null);
	}

	private boolean signedIn() {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
