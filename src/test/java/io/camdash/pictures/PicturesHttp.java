package io.camdash.pictures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
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

/**
 * Real HTTP against the running application, keeping its session cookie (flash messages live there) and
 * never following redirects, so tests see them. Paths are sent exactly as written, encodings included.
 */
final class PicturesHttp {

	private final String base;

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	PicturesHttp(int port) {
		this.base = "http://localhost:" + port;
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
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	HttpResponse<byte[]> postForm(String path, List<Map.Entry<String, String>> form) {
		return post(path, "text/html,application/xhtml+xml,*/*;q=0.8", form);
	}

	HttpResponse<byte[]> delete(String path) {
		return send(request(path).DELETE());
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
