package io.camdash.pictures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;

/**
 * Real HTTP against the running application, signed in through the login form as a test
 * user, keeping its session cookie (flash messages live there), sending the CSRF token
 * with every change, and never following redirects, so tests see them. Paths are sent
 * exactly as written, encodings included.
 */
final class PicturesHttp {

	private final String base;

	private final HttpClient client;

	private final String csrfToken;

	PicturesHttp(int port) {
		this(port, TestUsers.ADMIN);
	}

	PicturesHttp(int port, TestUsers.User user) {
		this.base = "http://localhost:" + port;
		SignedInClient session = SignedInClient.signIn(port, user);
		this.client = session.httpClient();
		this.csrfToken = session.csrfToken();
	}

	HttpResponse<byte[]> get(String path) {
		return send(request(path).GET());
	}

	String getPage(String path) {
		return new String(get(path).body(), StandardCharsets.UTF_8);
	}

	HttpResponse<byte[]> post(String path, String accept, List<Map.Entry<String, String>> form) {
		String body = form.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", accept)
			.header("X-CSRF-TOKEN", this.csrfToken)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	HttpResponse<byte[]> postForm(String path, List<Map.Entry<String, String>> form) {
		return post(path, "text/html,application/xhtml+xml,*/*;q=0.8", form);
	}

	HttpResponse<byte[]> delete(String path) {
		return send(request(path).header("X-CSRF-TOKEN", this.csrfToken).DELETE());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30));
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Where a redirect points, relative to the server. */
	static String location(HttpResponse<?> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		return URI.create(location).getRawPath()
				+ ((URI.create(location).getRawQuery() != null) ? "?" + URI.create(location).getRawQuery() : "");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
