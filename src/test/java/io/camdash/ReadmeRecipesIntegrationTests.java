package io.camdash;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camdash.support.ReadmeRecipes;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's recipes for tools and Home Assistant, run as written against camdash on a
 * random port: only the host, the API token and the recording's length are put in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camdash.cameras[0].id=door", "camdash.cameras[0].name=Front door", "camdash.cameras[0].fps=10",
				"camdash.security.camera-tokens.door=3q2-very-long-random-string",
				"camdash.security.users[0].name=family", "camdash.security.users[0].password=change-me",
				"camdash.security.users[0].role=VIEWER" })
class ReadmeRecipesIntegrationTests {

	private static final String API_TOKEN_PLACEHOLDER = "camdash_YOUR_API_TOKEN";

	@TempDir
	static Path temp;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private String apiToken;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		registry.add("camdash.pictures.folder", () -> temp.resolve("pictures").toString());
		registry.add("camdash.pictures.thumbnail-cache", () -> temp.resolve("cache").toString());
		registry.add("camdash.security.data-folder", () -> temp.resolve("data").toString());
	}

	@BeforeEach
	void makeApiToken() {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		admin.post("/settings/tokens", Map.of("name", "recipes " + System.nanoTime(), "role", "ADMIN"));
		Matcher token = Pattern.compile("camdash_[A-Za-z0-9_-]{43}").matcher(admin.get("/settings/tokens").body());
		assertThat(token.find()).isTrue();
		this.apiToken = token.group();
	}

	@Test
	void theShellRecipesWorkAsWritten() throws Exception {
		Path work = Files.createDirectories(temp.resolve("shell"));
		for (String line : ReadmeRecipes.recipe("shell").lines().toList()) {
			String command = line.strip();
			if (command.isEmpty() || command.startsWith("#")) {
				continue;
			}
			command = localized(command).replace("-t 60", "-t 4");
			if (command.startsWith("vlc ")) {
				// No VLC here: open its URL the way VLC does, with the user in the URL.
				assertStreamOpensWithBasic(URI.create(command.substring(4).strip()));
				continue;
			}
			Process process = new ProcessBuilder("bash", "-c", command).directory(work.toFile())
				.redirectErrorStream(true)
				.redirectOutput(work.resolve("output.txt").toFile())
				.start();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command).isTrue();
			String output = Files.readString(work.resolve("output.txt"));
			assertThat(process.exitValue()).as(command + "\n" + output).isZero();
			if (command.contains("/api/v1/cameras/door/photos")) {
				assertThat(output).contains("\"camera\":\"door\"");
			}
			else if (command.contains("/api/v1/cameras")) {
				assertThat(output).contains("\"id\":\"door\"", "\"name\":\"Front door\"");
			}
		}
		byte[] still = Files.readAllBytes(work.resolve("door.jpg"));
		assertThat(still).startsWith(0xFF, 0xD8);
		// Four seconds of a 10 fps camera: about 40 frames over about 4 s (ffmpeg's
		// assumed 25 fps would make 100 frames that take 10 s to come).
		String probe = run(work, "ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
				"stream=nb_read_frames:format=duration", "-of", "default=noprint_wrappers=1", "door.mp4");
		int frames = Integer.parseInt(value(probe, "nb_read_frames"));
		double seconds = Double.parseDouble(value(probe, "duration"));
		assertThat(seconds).as(probe).isBetween(3.0, 5.5);
		assertThat(frames).as(probe).isBetween(20, 60);
		// The live H.264, copied as it was sent, lasts as long.
		String h264 = run(work, "ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
				"stream=codec_name:format=duration", "-of", "default=noprint_wrappers=1", "door-h264.mp4");
		assertThat(value(h264, "codec_name")).as(h264).isEqualTo("h264");
		assertThat(Double.parseDouble(value(h264, "duration"))).as(h264).isBetween(3.0, 5.5);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theHomeAssistantRecipeWorksAsWritten() throws Exception {
		Map<String, Object> configuration = new Yaml().load(localized(ReadmeRecipes.recipe("home-assistant")));
		Map<String, Object> camera = ((List<Map<String, Object>>) configuration.get("camera")).get(0);
		assertThat(camera.get("authentication")).isEqualTo("basic");
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((camera.get("username") + ":" + camera.get("password")).getBytes(StandardCharsets.UTF_8));
		HttpResponse<byte[]> still = this.http
			.send(HttpRequest.newBuilder(URI.create((String) camera.get("still_image_url")))
				.header("Authorization", basic)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(still.statusCode()).isEqualTo(200);
		assertThat(still.body()).startsWith(0xFF, 0xD8);
		assertStreamOpens(URI.create((String) camera.get("mjpeg_url")), basic);

		Map<String, Object> restCommand = (Map<String, Object>) ((Map<String, Object>) configuration
			.get("rest_command")).get("camdash_door_photo");
		Map<String, String> headers = (Map<String, String>) restCommand.get("headers");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((String) restCommand.get("url")))
			.method(((String) restCommand.get("method")).toUpperCase(), HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		HttpResponse<String> photo = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(photo.statusCode()).isEqualTo(201);
		assertThat(photo.body()).contains("\"camera\":\"door\"");
	}

	private void assertStreamOpensWithBasic(URI url) throws Exception {
		String userInfo = url.getUserInfo();
		URI withoutUser = new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null);
		assertStreamOpens(withoutUser,
				"Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
	}

	private void assertStreamOpens(URI url, String authorization) throws Exception {
		HttpResponse<java.io.InputStream> stream = this.http.send(
				HttpRequest.newBuilder(url).header("Authorization", authorization).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		try (java.io.InputStream body = stream.body()) {
			assertThat(stream.statusCode()).isEqualTo(200);
			assertThat(stream.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("multipart/x-mixed-replace");
			assertThat(new String(body.readNBytes(64), StandardCharsets.ISO_8859_1)).contains("image/jpeg");
		}
	}

	private String localized(String text) {
		return text.replace("camdash.local:8080", "127.0.0.1:" + this.port)
			.replace(API_TOKEN_PLACEHOLDER, this.apiToken);
	}

	private static String run(Path directory, String... command) throws Exception {
		Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(directory.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return output;
	}

	private static String value(String probe, String key) {
		Matcher value = Pattern.compile("(?m)^" + key + "=(\\S+)").matcher(probe);
		assertThat(value.find()).as(probe).isTrue();
		return value.group(1);
	}

}
