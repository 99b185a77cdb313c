package io.camdash.security;

import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Two filter chains here, after the API's
 * ({@link ApiSecurityConfiguration}): one for the stream and still URLs that tools open
 * (HTTP Basic, API and camera tokens, 401 instead of a login page), one for everything
 * else (form login, remember-me, HTTP Basic for scripts). Reads (GET, HEAD, OPTIONS) need
 * a VIEWER, or nobody with anonymous viewing; every other method needs an ADMIN and a
 * CSRF token.
 * <p>
 * Longer than most classes: both chains, the URL lists, headers and entry points they
 * share, and the sign-in beans they are built from are read together whenever someone
 * asks who may open a URL; split up, a reader would have to join them again to answer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
class SecurityConfiguration {

	/**
	 * URLs anyone may open; the icon under its content-hashed name too (a browser that
	 * cannot load it asks for a missing /favicon.ico). The web app's manifest, icons,
	 * service worker and offline page hold nothing private: browsers fetch the manifest
	 * and the offline page without cookies.
	 */
	static final String[] PUBLIC_URLS = { "/login", "/css/**", "/js/**", "/webjars/**", "/favicon*.svg", "/img/**",
			"/manifest.webmanifest", "/sw.js", "/offline", "/error", "/actuator/health", "/actuator/health/**" };

	/**
	 * Static files, served under content-hashed URLs with a long cache lifetime: Spring
	 * Security's "never cache" headers are for everything else.
	 */
	static final String[] STATIC_RESOURCES = { "/css/**", "/js/**", "/webjars/**", "/img/**", "/favicon*.svg" };

	/**
	 * Streams and stills, opened by VLC, ffmpeg or Home Assistant as well as by pages.
	 */
	static final String[] TOOL_URLS = { "/stream.mjpg", "/snapshot.jpg", "/cameras/*/stream.mjpg",
			"/cameras/*/snapshot.jpg", "/cameras/*/stream.mp4", "/cameras/*/live.ws" };

	/**
	 * The live WebSocket: its upgrade passes, and its handler closes a refused one with a
	 * reason the page can show (see {@link StreamAccess}).
	 */
	static final String LIVE_WEBSOCKET = "/cameras/*/live.ws";

	/** URLs only an ADMIN may read. */
	static final String[] ADMIN_URLS = { "/actuator/**", "/settings/**" };

	// media-src blob: lets the live player attach its MediaSource to the video. Who may
	// frame the pages is added by secureHeaders (camdash.security.frame-ancestors).
	private static final String POLICY_WITHOUT_ANCESTORS = "default-src 'self'; img-src 'self' data: blob:; "
			+ "media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors ";

	/** The Content-Security-Policy when no origin may frame camdash (the default). */
	static final String CONTENT_SECURITY_POLICY = POLICY_WITHOUT_ANCESTORS + "'none'";

	/** The API's documentation, for signed-in users only. */
	static final String[] API_DOCS_URLS = { "/api/docs", "/api/docs/**" };

	// The live page's fullscreen button needs fullscreen for this origin; nothing else is
	// ever used.
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "fullscreen=(self)";

	static final String REALM = "camdash";

	static final String REMEMBER_ME_KEY_FILE = "remember-me-key";

	private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	/**
	 * POSTs that only read: downloading a selection of pictures as a zip posts the list
	 * of names (too long for a URL) but changes nothing, so a VIEWER may do it (still
	 * with a CSRF token).
	 */
	static final Set<String> READING_POSTS = Set.of("/pictures/selection/zip");

	private static final RequestMatcher READS = (request) -> READ_METHODS.contains(request.getMethod())
			|| ("POST".equals(request.getMethod()) && READING_POSTS.contains(request.getServletPath()));

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecretFiles secretFiles(SecuritySettings settings) {
		return new SecretFiles(settings.dataFolder());
	}

	/** Users of the configuration and those made on the users page. */
	@Bean
	UserAccounts userAccounts(SecuritySettings settings, SettingsSections settingsFile, SecretFiles files,
			PasswordEncoder encoder, Validator validator, VerifiedPasswordCache verifiedPasswords) {
		return new UserAccounts(settings, settingsFile, files, encoder, validator, verifiedPasswords);
	}

	@Bean
	InMemoryUserDetailsManager userDetailsService(UserAccounts accounts) {
		return accounts.details();
	}

	@Bean
	VerifiedPasswordCache verifiedPasswordCache(SecuritySettings settings) {
		return new VerifiedPasswordCache(settings.basicCache(), System::nanoTime);
	}

	/** Camera tokens of the configuration and those made on the camera tokens page. */
	@Bean
	CameraTokenStore cameraTokenStore(SecuritySettings settings, SettingsSections settingsFile) {
		return new CameraTokenStore(settings.cameraTokens(), settingsFile, Clock.systemUTC());
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix().role(Role.ADMIN.name()).implies(Role.VIEWER.name()).build();
	}

	@Bean
	LoginAttempts loginAttempts(SecuritySettings settings) {
		return new LoginAttempts(settings.loginThrottle(), Clock.systemUTC());
	}

	/** API tokens, for the API's chain and the tools' chain. */
	@Bean
	ApiTokenStore apiTokenStore(SecretFiles files) {
		return new ApiTokenStore(files, Clock.systemUTC());
	}

	/** Browsers that signed in before, keyed with the remember-me key. */
	@Bean
	TrustedBrowsers trustedBrowsers(RevocableRememberMeServices rememberMe) {
		return new TrustedBrowsers(rememberMe.getKey());
	}

	@Bean
	RevocableRememberMeServices rememberMeServices(SecuritySettings settings, SecretFiles files,
			UserDetailsService users, UserAccounts accounts) {
		// The key lives in the data folder, so "remember me" survives a restart.
		String key = files.read(REMEMBER_ME_KEY_FILE).orElseGet(() -> {
			String generated = Base64.getEncoder().encodeToString(KeyGenerators.secureRandom(32).generateKey());
			files.write(REMEMBER_ME_KEY_FILE, generated);
			return generated;
		});
		RevocableRememberMeServices services = new RevocableRememberMeServices(key, users, accounts::storedPassword,
				files, Clock.systemUTC());
		services.setTokenValiditySeconds((int) settings.rememberMe().toSeconds());
		return services;
	}

	@Bean
	@Order(1)
	SecurityFilterChain toolsFilterChain(HttpSecurity http, SecuritySettings settings, FirstCamera firstCamera,
			AuthenticationManager camdashAuthenticationManager, RevocableRememberMeServices rememberMe,
			ApiTokenStore apiTokens, CameraTokenStore cameraTokens, UserAccounts accounts) throws Exception {
		AuthenticationEntryPoint basic = basicEntryPoint();
		CameraTokenFilter tokens = new CameraTokenFilter(cameraTokens, firstCamera::firstCameraId);
		http.securityMatcher(TOOL_URLS).authorizeHttpRequests((requests) -> {
			requests.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
			requests.requestMatchers(HttpMethod.GET, LIVE_WEBSOCKET).permitAll();
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl reads = requests.requestMatchers(READS);
			if (settings.anonymousViewing()) {
				reads.permitAll();
			}
			else {
				reads.hasAnyAuthority(Role.VIEWER.authority(), CameraTokenFilter.CAMERA_TOKEN);
			}
			requests.anyRequest().hasRole(Role.ADMIN.name());
		})
			.authenticationManager(camdashAuthenticationManager)
			// API tokens first, then camera tokens: filters at one place keep this order.
			.addFilterBefore(ApiTokenFilter.forTools(apiTokens), BasicAuthenticationFilter.class)
			.addFilterBefore(tokens, BasicAuthenticationFilter.class)
			.addFilterBefore(new AnonymousBodyLimitFilter(settings.maxAnonymousBody()), CsrfFilter.class)
			.addFilterBefore(new ChangedUserFilter(accounts, rememberMe), AuthorizationFilter.class)
			.httpBasic((basicAuth) -> basicAuth.authenticationEntryPoint(basic))
			// A page's <img> keeps working with a remember-me cookie after its session
			// ended.
			.rememberMe((remember) -> remember.rememberMeServices(rememberMe))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(basic))
			// Never remember a tool URL (it may carry a token) to redirect to after
			// signing in.
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.csrf((csrf) -> csrf.csrfTokenRequestHandler(new CsrfTokenReader()))
			.headers(secureHeaders(settings));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pagesFilterChain(HttpSecurity http, SecuritySettings settings,
			AuthenticationManager camdashAuthenticationManager, RevocableRememberMeServices rememberMe,
			TrustedBrowsers browsers, UserAccounts accounts) throws Exception {
		// Sign-in lands on the page asked for, as it was asked (Spring Security would add
		// ?continue to it).
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		requestCache.setMatchingRequestParameterName(null);
		http.authorizeHttpRequests((requests) -> {
			requests.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
			requests.requestMatchers(PUBLIC_URLS).permitAll();
			requests.requestMatchers(ADMIN_URLS).hasRole(Role.ADMIN.name());
			requests.requestMatchers(API_DOCS_URLS).hasRole(Role.VIEWER.name());
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl reads = requests.requestMatchers(READS);
			if (settings.anonymousViewing()) {
				reads.permitAll();
			}
			else {
				reads.hasRole(Role.VIEWER.name());
			}
			requests.anyRequest().hasRole(Role.ADMIN.name());
		})
			.authenticationManager(camdashAuthenticationManager)
			.addFilterBefore(new AnonymousBodyLimitFilter(settings.maxAnonymousBody()), CsrfFilter.class)
			.addFilterBefore(new ChangedUserFilter(accounts, rememberMe), AuthorizationFilter.class)
			.formLogin((form) -> form.loginPage(LoginController.LOGIN_URL)
				.failureUrl(LoginController.LOGIN_URL + "?error")
				.authenticationDetailsSource(SignInDetails::new)
				.successHandler(trustingSuccessHandler(browsers, requestCache, accounts)))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.rememberMe((remember) -> remember.rememberMeServices(rememberMe))
			// Logout is a POST with a CSRF token (a GET never changes state); it also
			// forgets "remember me".
			.logout((logout) -> logout.logoutSuccessUrl(LoginController.LOGIN_URL + "?logout")
				.deleteCookies("JSESSIONID"))
			// For scripts: curl -u admin /cameras/status, Prometheus on
			// /actuator/metrics.
			.httpBasic((basicAuth) -> basicAuth.realmName(REALM))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(pagesEntryPoint()))
			.csrf((csrf) -> csrf.csrfTokenRequestHandler(new CsrfTokenReader()))
			.headers(secureHeaders(settings));
		return http.build();
	}

	/**
	 * Checks passwords with sign-in throttling, and remember-me cookies. Used by both
	 * chains instead of the global manager Spring Security would build, which has no
	 * throttle.
	 */
	@Bean
	AuthenticationManager camdashAuthenticationManager(UserDetailsService users, PasswordEncoder encoder,
			LoginAttempts attempts, RevocableRememberMeServices rememberMe, TrustedBrowsers browsers,
			VerifiedPasswordCache verifiedPasswords) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		// Inside the throttle: a locked name is refused even with a remembered password.
		CachedPasswordCheck cached = new CachedPasswordCheck(passwords, users, verifiedPasswords);
		return new ProviderManager(new ThrottledAuthenticationProvider(cached, attempts, browsers),
				new RememberMeAuthenticationProvider(rememberMe.getKey()));
	}

	/**
	 * The security headers of every response. {@code camdash.security.frame-ancestors}
	 * lets the origins it names frame camdash: the CSP says which, and X-Frame-Options
	 * (which cannot name an origin) is left out then.
	 */
	static Customizer<HeadersConfigurer<HttpSecurity>> secureHeaders(SecuritySettings settings) {
		List<String> ancestors = settings.frameAncestors();
		String policy = POLICY_WITHOUT_ANCESTORS + (ancestors.isEmpty() ? "'none'" : String.join(" ", ancestors));
		return (headers) -> {
			secureHeaders(headers, policy);
			if (!ancestors.isEmpty()) {
				headers.frameOptions((frames) -> frames.disable());
			}
		};
	}

	private static void secureHeaders(HeadersConfigurer<HttpSecurity> headers, String contentSecurityPolicy) {
		// Write headers before the controller runs: a stream commits its response on a
		// streaming thread, where
		// headers written lazily at commit would race with the container's own thread.
		headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
			@Override
			public <O extends HeaderWriterFilter> O postProcess(O filter) {
				filter.setShouldWriteHeadersEagerly(true);
				return filter;
			}
		});
		// Pages hold private data: never cached. Static files keep the long lifetime the
		// resource chain gives them (see application.yaml).
		headers.cacheControl((cache) -> cache.disable())
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(staticResources()),
					new CacheControlHeadersWriter()));
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy))
			.frameOptions((frames) -> frames.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY));
	}

	private static RequestMatcher staticResources() {
		return new OrRequestMatcher(
				Arrays.stream(STATIC_RESOURCES).<RequestMatcher>map(PathPatternRequestMatcher::pathPattern).toList());
	}

	/**
	 * After a sign-in through the form: trust this browser, mark the session with the
	 * user's version, then go where Spring would.
	 */
	private static AuthenticationSuccessHandler trustingSuccessHandler(TrustedBrowsers browsers,
			RequestCache requestCache, UserAccounts accounts) {
		SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
		redirect.setRequestCache(requestCache);
		return (request, response, authentication) -> {
			browsers.trust(request, response, authentication.getName());
			ChangedUserFilter.startedNow(request, accounts, authentication.getName());
			redirect.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static BasicAuthenticationEntryPoint basicEntryPoint() {
		BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
		entryPoint.setRealmName(REALM);
		return entryPoint;
	}

	/**
	 * Pages redirect to the sign-in page; the JSON status API answers 401 (pages' scripts
	 * show "unavailable"), and the actuator asks for HTTP Basic.
	 */
	private static AuthenticationEntryPoint pagesEntryPoint() {
		AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(LoginController.LOGIN_URL);
		AuthenticationEntryPoint basic = basicEntryPoint();
		AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
		return (request, response, exception) -> {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")) {
				basic.commence(request, response, exception);
			}
			else if (wantsJson(request)) {
				unauthorized.commence(request, response, exception);
			}
			else {
				login.commence(request, response, exception);
			}
		};
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("application/json") && !accept.contains("text/html");
	}

}
