package io.camdash.notes;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A strict Content-Security-Policy on every notes page: notes are untrusted content, so even if markup slipped
 * past the sanitizer, the browser would run no inline script, load nothing from elsewhere and accept no
 * {@code <base>}, plugin or framing.
 */
@Configuration(proxyBeanMethods = false)
class NotesContentSecurityPolicy {

	static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> notesContentSecurityPolicyFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				response.setHeader("Content-Security-Policy", POLICY);
				response.setHeader("X-Content-Type-Options", "nosniff");
				chain.doFilter(request, response);
			}

		});
		registration.addUrlPatterns("/notes", "/notes/*");
		registration.setName("notesContentSecurityPolicy");
		return registration;
	}

}
