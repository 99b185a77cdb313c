package io.camdash.webapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installable app over plain HTTP: the manifest, the icons, the service worker and
 * the offline page are public and never cached by HTTP, and the shell the worker keeps
 * holds static files and the offline page only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebAppIntegrationTests {

	private static final Pattern SHELL_ENTRY = Pattern.compile("^  '([^']+)',?$", Pattern.MULTILINE);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void theManifestNamesTheAppItsStartAndIconsInSeveralSizesIncludingMaskableOnes() throws Exception {
		HttpResponse<String> response = get("/manifest.webmanifest");
		assertThat(response.statusCode()).as("public: browsers fetch it without cookies").isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/manifest+json"));
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		JsonNode manifest = JsonMapper.builder().build().readTree(response.body());
		assertThat(manifest.get("name").asString()).isEqualTo("camdash");
		assertThat(manifest.get("start_url").asString()).isEqualTo("./");
		assertThat(manifest.get("display").asString()).isEqualTo("standalone");
		assertThat(manifest.get("theme_color").asString()).matches("#[0-9a-f]{6}");
		List<String> kinds = new ArrayList<>();
		for (JsonNode icon : manifest.get("icons")) {
			kinds.add(icon.get("sizes").asString() + " " + icon.get("purpose").asString());
			HttpResponse<String> image = get("/" + icon.get("src").asString());
			assertThat(image.statusCode()).as(icon.toString()).isEqualTo(200);
			assertThat(image.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(icon.get("type").asString());
			assertThat(image.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000");
		}
		assertThat(kinds).contains("192x192 any", "512x512 any", "192x192 maskable", "512x512 maskable");
	}

	@Test
	void theServiceWorkerIsPublicNeverCachedAndKeepsStaticFilesAndTheOfflinePageOnly() throws Exception {
		HttpResponse<String> response = get("/sw.js");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		List<String> shell = new ArrayList<>();
		Matcher entries = SHELL_ENTRY.matcher(response.body());
		while (entries.find()) {
			shell.add(entries.group(1));
		}
		assertThat(shell).contains("offline")
			.anyMatch((url) -> url.matches("css/camdash-[0-9a-f]{32}\\.css"))
			.anyMatch((url) -> url.matches("js/camdash-[0-9a-f]{32}\\.js"))
			.anyMatch((url) -> url.matches("webjars/bootstrap/[0-9.]+/css/bootstrap\\.min-[0-9a-f]{32}\\.css"))
			.anyMatch((url) -> url
				.matches("webjars/bootstrap-icons/[0-9.]+/font/fonts/bootstrap-icons-[0-9a-f]{32}\\.woff2"));
		for (String url : shell) {
			assertThat(url).as("static files and the offline page, nothing private")
				.matches("(css|js|img|webjars)/.+-[0-9a-f]{32}\\.[a-z0-9]+|favicon-[0-9a-f]{32}\\.svg|offline");
			assertThat(get("/" + url).statusCode()).as(url + " without signing in").isEqualTo(200);
		}
	}

	@Test
	void theOfflinePageHoldsNoNameNoMenuAndNoTokenEvenForASignedInUser() {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		HttpResponse<String> response = admin.get("/offline");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).contains("cannot be reached");
		assertThat(page.select(".user-menu, .navbar-nav, meta[name=_csrf], form")).isEmpty();
		assertThat(response.body()).doesNotContain(TestUsers.ADMIN.name() + "<");
	}

	@Test
	void everyPageLinksTheManifestAndTheServiceWorker() {
		for (String path : new String[] { "/login", "/offline" }) {
			Document page = Jsoup.parse(SignedInClient.anonymous(this.port).get(path).body());
			assertThat(page.select("link[rel=manifest]").attr("href")).as(path).isEqualTo("/manifest.webmanifest");
			assertThat(page.select("meta[name=camdash-service-worker]").attr("content")).as(path).isEqualTo("/sw.js");
		}
		Document dashboard = Jsoup.parse(SignedInClient.signIn(this.port, TestUsers.ADMIN).get("/").body());
		assertThat(dashboard.select("link[rel=manifest]")).hasSize(1);
		assertThat(dashboard.select("meta[name=theme-color]")).isNotEmpty();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
