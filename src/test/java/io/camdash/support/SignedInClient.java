package io.camdash.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.camdash.support.TestUsers.User;

/**
 * A browser-like HTTP client for integration tests: it keeps cookies (the session), signs
 * in through the real login form, and sends the CSRF token with every unsafe request
 * unless told not to. Redirects are not followed, so tests see them.
 *
 * <pre>
 * SignedInClient admin = SignedInClient.signIn(port, TestUsers.ADMIN);
 * assertThat(admin.post("/cameras/cam/snapshots", Map.of()).statusCode()).isEqualTo(303);
 * </pre>
 */
public final class SignedInClient {

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final int port;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private String csrfToken;

	private SignedInClient(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Signs in through the login form; fails if the server refuses. */
	public static SignedInClient signIn(int port, User user) {
		SignedInClient client = new SignedInClient(port);
		HttpResponse<String> response = client.submitLogin(user.name(), user.password(), false);
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("/login")) {
			throw new AssertionError(
					"sign-in as " + user.name() + " failed: " + response.statusCode() + " " + location);
		}
		client.refreshCsrfToken("/");
		return client;
	}

	/**
	 * A client that is not signed in, with a session and a CSRF token from the login
	 * page.
	 */
	public static SignedInClient anonymous(int port) {
		SignedInClient client = new SignedInClient(port);
		client.refreshCsrfToken("/login");
		return client;
	}

	/** Posts the login form (with the CSRF token) and returns the answer as it is. */
	public HttpResponse<String> submitLogin(String name, String password, boolean rememberMe) {
		refreshCsrfToken("/login");
		Map<String, String> form = new LinkedHashMap<>(Map.of("username", name, "password", password));
		if (rememberMe) {
			form.put("remember-me", "on");
		}
		return send("POST", "/login", form, true);
	}

	public HttpResponse<String> get(String path) {
		return send("GET", path, Map.of(), false);
	}

	/** Posts a form with the CSRF token. */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		return send("POST", path, form, true);
	}

	/**
	 * Sends any method, with or without the CSRF token (as the {@code X-CSRF-TOKEN}
	 * header for a non-POST).
	 */
	public HttpResponse<String> send(String method, String path, Map<String, String> form, boolean withCsrf) {
		Map<String, String> body = new LinkedHashMap<>(form);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
		if (withCsrf && this.csrfToken != null) {
			if (method.equals("POST")) {
				body.put("_csrf", this.csrfToken);
			}
			else {
				request.header("X-CSRF-TOKEN", this.csrfToken);
			}
		}
		if (method.equals("GET") || method.equals("HEAD")) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString(encode(body)));
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The underlying client, with this session's cookies, for requests this class has no
	 * method for.
	 */
	public HttpClient httpClient() {
		return this.http;
	}

	/** The session's CSRF token, as the last page rendered it. */
	public String csrfToken() {
		return this.csrfToken;
	}

	/** A cookie of this client by name. */
	public Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/**
	 * Forgets one cookie (e.g. JSESSIONID, to act as a browser restarted with only its
	 * remember-me cookie).
	 */
	public void dropCookie(String name) {
		this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.toList()
			.forEach((cookie) -> this.cookies.getCookieStore().remove(null, cookie));
	}

	/**
	 * Reads the CSRF token from a page (its layout's meta tag or a form's hidden field).
	 */
	public void refreshCsrfToken(String pagePath) {
		String page = get(pagePath).body();
		Matcher meta = CSRF_META.matcher(page);
		Matcher input = CSRF_INPUT.matcher(page);
		this.csrfToken = meta.find() ? meta.group(1) : input.find() ? input.group(1) : this.csrfToken;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
