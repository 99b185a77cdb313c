package io.camdash.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.camdash.support.SignedInClient;
import io.camdash.support.TestFolders;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API tokens as a script uses them: an ADMIN makes one in the browser, a client with no
 * cookie takes a photo with it; revoked, VIEWER and cookie-without-CSRF requests change
 * nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiTokensIntegrationTests {

	private static final Pattern TOKEN = Pattern.compile("camdash_[A-Za-z0-9_-]{43}");

	@LocalServerPort
	private int port;

	private final HttpClient script = HttpClient.newHttpClient();

	private SignedInClient admin;

	@BeforeEach
	void signIn() {
		this.admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
	}

	@Test
	void aScriptTakesAPhotoWithAnAdminTokenAndNoCookie() throws Exception {
		String tokenName = unique("photo script");
		String token = makeToken(tokenName, "ADMIN");
		assertThat(lastUsed(tokenName)).isEqualTo("never");
		HttpResponse<String> taken = scriptRequest("POST", "/api/v1/cameras/cam/photos", token, null);
		assertThat(taken.statusCode()).isEqualTo(201);
		assertThat(taken.headers().firstValue("Set-Cookie")).isEmpty();
		JsonNode json = JsonMapper.builder().build().readTree(taken.body());
		String name = json.get("name").asString();
		assertThat(Files.size(TestFolders.PICTURES.resolve(name))).isPositive();
		assertThat(taken.headers().firstValue("Location")).hasValue(json.get("url").asString());
		// The tokens page tells it was used, and never shows it again.
		assertThat(lastUsed(tokenName)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
		assertThat(this.admin.get("/settings/tokens").body()).doesNotContain(token);
	}

	@Test
	void aRevokedTokenIsRefusedAndWritesNothing() throws Exception {
		String name = unique("revoked script");
		String token = makeToken(name, "ADMIN");
		String page = this.admin.get("/settings/tokens").body();
		String revokeUrl = revokeUrlOf(page, name);
		assertThat(this.admin.post(revokeUrl, Map.of()).statusCode()).isEqualTo(302);
		long before = pictureCount();
		HttpResponse<String> refused = scriptRequest("POST", "/api/v1/cameras/cam/photos", token, null);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
		assertThat(pictureCount()).isEqualTo(before);
	}

	@Test
	void aViewerTokenReadsButMayNotTakeAPhoto() throws Exception {
		String token = makeToken(unique("viewer script"), "VIEWER");
		HttpResponse<String> cameras = scriptRequest("GET", "/api/v1/cameras", token, null);
		assertThat(cameras.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.builder().build().readTree(cameras.body()).get(0).get("id").asString()).isEqualTo("cam");
		long before = pictureCount();
		HttpResponse<String> refused = scriptRequest("POST", "/api/v1/cameras/cam/photos", token, null);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("\"status\":403");
		assertThat(pictureCount()).isEqualTo(before);
	}

	@Test
	void aCookieSessionWithoutCsrfMayNotTakeAPhotoThroughTheApi() throws Exception {
		long before = pictureCount();
		HttpResponse<String> refused = sessionPost("/api/v1/cameras/cam/photos", null);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("CSRF");
		assertThat(pictureCount()).isEqualTo(before);
		// With its CSRF token, the page's session may.
		assertThat(sessionPost("/api/v1/cameras/cam/photos", this.admin.csrfToken()).statusCode()).isEqualTo(201);
	}

	@Test
	void anApiTokenNeverOpensAPage() throws Exception {
		String token = makeToken(unique("page script"), "ADMIN");
		for (String page : new String[] { "/", "/notes", "/settings/tokens" }) {
			HttpResponse<String> response = scriptRequest("GET", page, token, null);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(page)
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
		}
	}

	@Test
	void anApiTokenNeverMakesASession() throws Exception {
		String token = makeToken(unique("session script"), "ADMIN");
		for (String path : new String[] { "/api/v1/cameras", "/api/v1/cameras/cam", "/cameras/cam/snapshot.jpg" }) {
			HttpResponse<String> response = scriptRequest("GET", path, token, null);
			assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
		}
	}

	@Test
	void anApiTokenOpensStreamsAndStillsAsACameraTokenDoes() throws Exception {
		String token = makeToken(unique("stream script"), "VIEWER");
		HttpResponse<byte[]> still = this.script.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/cameras/cam/snapshot.jpg?token=" + token))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(still.statusCode()).isEqualTo(200);
		assertThat(still.body()).startsWith(0xFF, 0xD8);
		HttpResponse<InputStream> mp4 = this.script
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/cameras/cam/stream.mp4"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = mp4.body()) {
			assertThat(mp4.statusCode()).isEqualTo(200);
			assertThat(new String(body.readNBytes(8), StandardCharsets.ISO_8859_1)).endsWith("ftyp");
		}
		// The live WebSocket takes it too: the camera answers with its stream's type.
		BlockingQueue<String> texts = new LinkedBlockingQueue<>();
		WebSocket socket = this.script.newWebSocketBuilder()
			.header("Authorization", "Bearer " + token)
			.buildAsync(URI.create("ws://localhost:" + this.port + "/cameras/cam/live.ws"), new WebSocket.Listener() {

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					texts.add(data.toString());
					webSocket.request(1);
					return null;
				}

			})
			.get(30, TimeUnit.SECONDS);
		try {
			socket.sendText("{\"type\":\"mse\",\"codecs\":[\"avc1.640034\",\"avc1.42E034\"]}", true);
			assertThat(texts.poll(15, TimeUnit.SECONDS)).contains("\"type\":\"mse\"", "video/mp4");
		}
		finally {
			socket.abort();
		}
		// A wrong token that looks like an API token is refused like a wrong camera
		// token.
		HttpResponse<String> wrong = scriptRequest("GET", "/cameras/cam/snapshot.jpg", token + "x", null);
		assertThat(wrong.statusCode()).isEqualTo(401);
	}

	@Test
	void noCredentialsAtAllGetAProblemAskingForAToken() throws Exception {
		HttpResponse<String> response = scriptRequest("GET", "/api/v1/cameras", null, null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"camdash\"");
		assertThat(response.body()).contains("Authorization: Bearer");
	}

	@Test
	void tokensAreStoredOnlyAsHashesInAnOwnerOnlyFile() throws Exception {
		String name = unique("stored script");
		String token = makeToken(name, "VIEWER");
		Path file = TestFolders.ROOT.resolve(ApiTokenStore.FILE);
		assertThat(Files.readString(file)).contains(name, ApiTokenStore.hash(token)).doesNotContain(token);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void aTokenNeedsAName() {
		this.admin.post("/settings/tokens", Map.of("name", " ", "role", "VIEWER"));
		assertThat(this.admin.get("/settings/tokens").body()).contains("A token&#39;s name is 1 to 64");
	}

	/**
	 * A token name no earlier run used: the tokens file in the shared data folder
	 * outlives a run.
	 */
	private static String unique(String name) {
		return name + " " + Long.toString(System.nanoTime(), 36);
	}

	private String makeToken(String name, String role) {
		HttpResponse<String> created = this.admin.post("/settings/tokens", Map.of("name", name, "role", role));
		assertThat(created.statusCode()).isEqualTo(302);
		Matcher token = TOKEN.matcher(this.admin.get("/settings/tokens").body());
		assertThat(token.find()).as("the new token is shown once").isTrue();
		assertThat(TOKEN.matcher(this.admin.get("/settings/tokens").body()).find()).as("and only once").isFalse();
		return token.group();
	}

	private String lastUsed(String tokenName) {
		Matcher row = Pattern
			.compile("<td class=\"token-name\">" + Pattern.quote(tokenName)
					+ "</td>.*?<td class=\"token-last-used\">([^<]*)</td>", Pattern.DOTALL)
			.matcher(this.admin.get("/settings/tokens").body());
		assertThat(row.find()).as(tokenName).isTrue();
		return row.group(1);
	}

	private static String revokeUrlOf(String page, String name) {
		Matcher row = Pattern
			.compile("<td class=\"token-name\">" + Pattern.quote(name)
					+ "</td>.*?action=\"(/settings/tokens/[0-9a-f]+/revoke)\"", Pattern.DOTALL)
			.matcher(page);
		assertThat(row.find()).isTrue();
		return row.group(1);
	}

	private HttpResponse<String> scriptRequest(String method, String path, String token, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return this.script.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> sessionPost(String path, String csrfToken) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody());
		if (csrfToken != null) {
			request.header("X-CSRF-TOKEN", csrfToken);
		}
		return this.admin.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long pictureCount() throws IOException {
		Path folder = TestFolders.PICTURES;
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

}
