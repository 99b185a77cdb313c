package io.camdash.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The API's refusals before any controller runs (no or wrong credentials, a missing role,
 * a missing CSRF token) as RFC 9457 problem details, like the API's own errors. Asks for
 * a Bearer token only: a {@code Basic} challenge would make a browser ask for a password
 * and then send it to every later request on its own, which is what CSRF protection is
 * for.
 */
final class ApiProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	ApiProblemResponses(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				presented ? "Bearer realm=\"camdash\", error=\"invalid_token\"" : "Bearer realm=\"camdash\"");
		write(request, response, HttpStatus.UNAUTHORIZED,
				presented ? "Wrong or revoked credentials." : "This API needs an API token: send it as "
						+ "'Authorization: Bearer <token>'. An ADMIN makes tokens at /settings/tokens.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		String detail = (exception instanceof CsrfException)
				? "A change made with a cookie session or HTTP Basic needs a CSRF token; "
						+ "scripts should send an API token as 'Authorization: Bearer <token>' instead."
				: "Your role may not do this: changes need an ADMIN.";
		write(request, response, HttpStatus.FORBIDDEN, detail);
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}
