package io.camdash.security;

import java.util.Set;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Security of the JSON API under {@code /api/v1/}: API tokens ({@code Bearer}, stateless,
 * no CSRF), HTTP Basic and a page's cookie session (both with CSRF for changes, as on the
 * pages). Refusals are problem details, never a redirect to the sign-in page. Reads need
 * a VIEWER (or nobody with anonymous viewing), changes an ADMIN.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
class ApiSecurityConfiguration {

	static final String API_URLS = "/api/v1/**";

	private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	@Bean
	@Order(0)
	SecurityFilterChain apiFilterChain(HttpSecurity http, SecuritySettings settings,
			AuthenticationManager camdashAuthenticationManager, ApiTokenStore tokens, JsonMapper json)
			throws Exception {
		ApiProblemResponses problems = new ApiProblemResponses(json);
		http.securityMatcher(API_URLS).authorizeHttpRequests((requests) -> {
			requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl reads = requests
				.requestMatchers((request) -> READ_METHODS.contains(request.getMethod()));
			if (settings.anonymousViewing()) {
				reads.permitAll();
			}
			else {
				reads.hasRole(Role.VIEWER.name());
			}
			requests.anyRequest().hasRole(Role.ADMIN.name());
		})
			.authenticationManager(camdashAuthenticationManager)
			// The token first, so a script with a token is not anonymous to the body
			// limit.
			.addFilterBefore(ApiTokenFilter.forApi(tokens, problems), CsrfFilter.class)
			.addFilterBefore(new AnonymousBodyLimitFilter(settings.maxAnonymousBody()), CsrfFilter.class)
			.csrf((csrf) -> csrf.csrfTokenRequestHandler(new CsrfTokenReader())
				.ignoringRequestMatchers(ApiTokenFilter.BEARER_REQUESTS))
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			// A page's scripts may use its session; the API itself never makes one.
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(SecurityConfiguration.secureHeaders(settings));
		return http.build();
	}

}
