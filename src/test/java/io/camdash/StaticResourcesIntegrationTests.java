package io.camdash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.camdash.support.MjpegClient;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import io.camdash.support.TwoCamerasTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static files are fast (content-hashed URLs cached for a year, gzipped), pages stay
 * private (never cached), and streams are never compressed.
 */
@TwoCamerasTest
class StaticResourcesIntegrationTests {

	/** A content hash before the extension: {@code camdash-0123...cdef.css}. */
	private static final String VERSIONED = ".*-[0-9a-f]{32}\\.(css|js|svg)";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void aPageLinksItsStylesScriptsAndIconByContentHashedUrls() {
		Document page = Jsoup.parse(SignedInClient.signIn(this.port, TestUsers.ADMIN).get("/").body());
		List<String> urls = new java.util.ArrayList<>(
				page.select("link[rel=stylesheet], link[rel=icon]").eachAttr("href"));
		urls.addAll(page.select("script[src]").eachAttr("src"));
		assertThat(urls).hasSizeGreaterThanOrEqualTo(6).allMatch((url) -> url.matches(VERSIONED), "is versioned");
		assertThat(urls).anyMatch((url) -> url.startsWith("/css/camdash-"))
			.anyMatch((url) -> url.startsWith("/webjars/bootstrap/"));
	}

	@Test
	void aVersionedStaticFileIsCachedForAYearAndGzippedWhenAsked() throws Exception {
		Document page = Jsoup.parse(SignedInClient.signIn(this.port, TestUsers.ADMIN).get("/").body());
		for (String url : List.of(page.select("link[href^=/webjars/bootstrap/]").attr("href"),
				page.select("script[src^=/js/camdash-]").attr("src"))) {
			HttpResponse<byte[]> response = get(url, Map.of("Accept-Encoding", "gzip"));
			assertThat(response.statusCode()).as(url).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).as(url)
				.contains("max-age=31536000")
				.doesNotContain("no-store")
				.doesNotContain("no-cache");
			assertThat(response.headers().allValues("Pragma")).as(url).allMatch(String::isEmpty);
			assertThat(response.headers().firstValue("Content-Encoding")).as(url).hasValue("gzip");
			assertThat(response.body()).startsWith(0x1f, 0x8b);
		}
		HttpResponse<byte[]> plain = get(page.select("script[src^=/js/camdash-]").attr("src"), Map.of());
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(new String(plain.body())).contains("camdash");
		String icon = page.select("link[rel=icon]").attr("href");
		assertThat(get(icon, Map.of()).statusCode()).as("the icon, for anyone (the sign-in page shows it)")
			.isEqualTo(200);
	}

	@Test
	void pagesAreNeverCachedButAreCompressed() throws Exception {
		SignedInClient session = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		for (String path : List.of("/", "/pictures", "/notes", "/cameras/cam")) {
			HttpResponse<byte[]> response = session.httpClient()
				.send(request(path, Map.of("Accept-Encoding", "gzip", "Accept", "text/html")).build(),
						HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).as(path).contains("no-store");
			assertThat(response.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
		}
		assertThat(get("/login", Map.of()).headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
	}

	@Test
	void theMjpegStreamIsNeverGzippedEvenWhenTheClientAsks() throws IOException {
		Map<String, String> headers = new java.util.HashMap<>(TestUsers.basicAuth(TestUsers.ADMIN));
		headers.put("Accept-Encoding", "gzip, deflate, br");
		try (MjpegClient client = MjpegClient.open(this.port, "/cameras/cam/stream.mjpg", headers)) {
			assertThat(client.status()).isEqualTo(200);
			assertThat(client.header("Content-Encoding")).isNull();
			assertThat(client.header("Content-Type")).startsWith("multipart/x-mixed-replace");
			assertThat(client.nextPart().headers()).containsEntry("content-type", "image/jpeg");
		}
	}

	private HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
		return this.http.send(request(path, headers).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpRequest.Builder request(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		headers.forEach(request::header);
		return request;
	}

}
