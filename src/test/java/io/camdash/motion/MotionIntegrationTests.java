package io.camdash.motion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.camdash.support.Browser;
import io.camdash.support.Ffprobe;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole path on a real server: a looped video with known motion → event → picture,
 * clip and record on disk → events page and gallery → webhook received by a real HTTP
 * server → server-sent event to a listening page; and in headless Chromium, the live
 * badge and motion boxes, the events page and the gallery playing clips.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MotionIntegrationTests {

	@TempDir
	static Path temp;

	static HttpServer webhook;

	static final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	@LocalServerPort
	private int port;

	private final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void camera(DynamicPropertyRegistry registry) throws Exception {
		Path video = temp.resolve("yard.avi");
		// Still for 2 s, something crosses the yard until 4.5 s, still again until 8 s;
		// looped.
		new SyntheticScene(640, 360).mover(2, 4.5, 0.1, 0.4, 0.9, 0.6, 60).writeVideo(video, 8, 10);
		webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		webhook.createContext("/hook", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				received.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		webhook.start();
		registry.add("camdash.pictures.folder", () -> temp.resolve("pictures").toString());
		registry.add("camdash.pictures.thumbnail-cache", () -> temp.resolve("cache").toString());
		registry.add("camdash.cameras[0].id", () -> "yard");
		registry.add("camdash.cameras[0].name", () -> "Yard");
		registry.add("camdash.cameras[0].source", () -> "file:" + video);
		registry.add("camdash.cameras[0].fps", () -> "10");
		registry.add("camdash.cameras[0].motion.enabled", () -> "true");
		registry.add("camdash.cameras[0].motion.cool-down", () -> "1s");
		registry.add("camdash.cameras[0].motion.pre-roll", () -> "1s");
		registry.add("camdash.cameras[0].motion.post-roll", () -> "1s");
		registry.add("camdash.cameras[1].id", () -> "porch");
		registry.add("camdash.motion.webhook.url",
				() -> "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
	}

	@AfterAll
	static void stopWebhook() {
		webhook.stop(0);
	}

	@Test
	void motionInTheVideoLeavesAPictureAClipAndARecordAndIsAnnounced() throws Exception {
		List<String> pageMessages = listen();
		JsonNode clip = awaitNotice("clip", Duration.ofSeconds(45));
		String id = clip.get("id").asString();
		assertThat(id).matches("yard_\\d{8}-\\d{6}-\\d{3}-motion");

		// The webhook was told of the start and the end, in that order.
		assertThat(clip.get("cameraName").asString()).isEqualTo("Yard");
		assertThat(clip.get("picture").asString()).startsWith("/pictures/view/yard/");
		assertThat(clip.get("clip").asString()).isEqualTo("/events/clip/" + id + ".mp4");

		// Files next to the photos: picture, clip, record.
		String day = clip.get("picture").asString().split("/")[4];
		Path folder = temp.resolve("pictures/yard/" + day);
		assertThat(folder.resolve(id + ".jpg")).isRegularFile();
		assertThat(folder.resolve(id + ".mp4")).isRegularFile();
		JsonNode record = this.json.readTree(Files.readString(folder.resolve(id + ".json")));
		Instant start = Instant.parse(record.get("start").asString());
		Instant end = Instant.parse(record.get("end").asString());
		Instant clipStart = Instant.parse(record.get("clipStart").asString());
		// The motion lasts 2.5 s in the video.
		assertThat(Duration.between(start, end).toMillis() / 1000.0).isCloseTo(2.5, within(0.7));
		// The clip starts the pre-roll (1 s) before the first motion frame, less up to
		// one frame interval (100 ms at 10 fps) and the capture thread's jitter.
		assertThat(Duration.between(clipStart, start).toMillis()).isBetween(800L, 1000L);
		assertThat(record.get("peak").asDouble()).isPositive();
		assertThat(record.get("boxes").size()).isPositive();
		assertThat(Ffprobe.videoStream(folder.resolve(id + ".mp4"))).contains("codec_name=h264");
		try (var files = Files.list(folder)) {
			assertThat(files.map((f) -> f.getFileName().toString())).noneMatch((name) -> name.startsWith("." + id));
		}

		// The page listening is told of each start and end (the video loops: an event
		// begins every 8 s).
		awaitCondition(
				() -> pageMessages.stream().anyMatch((m) -> m.contains("event:motion-start") && m.contains("\"Yard\"")),
				Duration.ofSeconds(30));
		awaitCondition(() -> pageMessages.stream().anyMatch((m) -> m.contains("event:motion-end")),
				Duration.ofSeconds(30));

		SignedInClient viewer = SignedInClient.signIn(this.port, TestUsers.VIEWER);
		// The events page lists it with its clip and picture.
		HttpResponse<String> page = viewer.get("/events?day=" + day + "&camera=yard");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-event=\"" + id + "\"")
			.contains("/events/clip/" + id + ".mp4")
			.contains("/pictures/thumbnail/yard/" + day + "/" + id + ".jpg");
		// The clip is served as video and can be sought in.
		HttpResponse<byte[]> range = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/events/clip/" + id + ".mp4"))
				.header("Authorization", basic())
				.header("Range", "bytes=0-99")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.headers().firstValue("Content-Type")).hasValue("video/mp4");
		assertThat(range.body()).hasSize(100);
		// The gallery shows the motion picture, marked, with a play button and the clip's
		// length; its filter tells photos from motion pictures.
		assertThat(viewer.get("/pictures?camera=yard").body()).contains(id + ".jpg");
		String motionPictures = viewer.get("/pictures?camera=yard&kind=motion").body();
		assertThat(motionPictures).contains(id + ".jpg").contains("motion-mark").contains("clip-play");
		assertThat(motionPictures).containsPattern("class=\"clip-length\">0:0[3-9]<");
		assertThat(viewer.get("/pictures?camera=yard&kind=photos").body()).doesNotContain(id + ".jpg");
		assertThat(viewer.get("/pictures?kind=videos").statusCode()).isEqualTo(400);
		assertThat(viewer.get("/pictures/view/yard/" + day + "/" + id + ".jpg?kind=motion").body())
			.contains("/events/clip/" + id + ".mp4")
			.contains("motion picture");

		// Status and metrics.
		JsonNode status = this.json.readTree(getJson("/motion/status", TestUsers.VIEWER));
		assertThat(status.get("cameras").get(0).get("camera").asString()).isEqualTo("yard");
		assertThat(status.get("cameras").get(0).get("enabled").asBoolean()).isTrue();
		assertThat(status.get("cameras").get(1).get("enabled").asBoolean()).isFalse();
		assertThat(status.get("recent").size()).isPositive();
		JsonNode events = this.json
			.readTree(getJson("/actuator/metrics/camdash.motion.events?tag=camera:yard", TestUsers.ADMIN));
		assertThat(events.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
		JsonNode detection = this.json.readTree(getJson("/actuator/metrics/camdash.motion.detection", TestUsers.ADMIN));
		assertThat(detection.get("measurements").get(0).get("value").asDouble()).isGreaterThan(5);
		JsonNode health = this.json.readTree(getJson("/actuator/health/motion", TestUsers.ADMIN));
		assertThat(health.get("status").asString()).isEqualTo("UP");

		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		// A viewer may not delete; an admin deletes picture, clip and record together.
		assertThat(viewer.post("/events/delete/" + id, Map.of()).statusCode()).isEqualTo(403);
		HttpResponse<String> deleted = admin.post("/events/delete/" + id, Map.of("day", day));
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(folder.resolve(id + ".jpg")).doesNotExist();
		assertThat(folder.resolve(id + ".mp4")).doesNotExist();
		assertThat(folder.resolve(id + ".json")).doesNotExist();
		assertThat(admin.post("/events/delete/" + id, Map.of()).statusCode()).isEqualTo(404);
		assertThat(admin.post("/events/delete/..%2Fetc", Map.of()).statusCode()).isEqualTo(400);

		// A motion picture deleted from the gallery takes its clip and record with it.
		JsonNode next = awaitNotice("clip", Duration.ofSeconds(45));
		String nextId = next.get("id").asString();
		String nextDay = next.get("picture").asString().split("/")[4];
		Path nextFolder = temp.resolve("pictures/yard/" + nextDay);
		assertThat(nextFolder.resolve(nextId + ".mp4")).isRegularFile();
		assertThat(admin.post("/pictures/delete/yard/" + nextDay + "/" + nextId + ".jpg", Map.of("kind", "motion"))
			.statusCode()).isEqualTo(302);
		assertThat(nextFolder.resolve(nextId + ".jpg")).doesNotExist();
		assertThat(nextFolder.resolve(nextId + ".mp4")).doesNotExist();
		assertThat(nextFolder.resolve(nextId + ".json")).doesNotExist();
	}

	@Test
	void theBrowserShowsMotionLiveAndPlaysClips() throws Exception {
		awaitCondition(() -> clips().findAny().isPresent(), Duration.ofSeconds(45));
		try (Browser browser = Browser.open()) {
			browser.login(url(""), TestUsers.VIEWER);
			WebDriverWait motion = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));

			// The live page: the badge lights up while the yard moves; the boxes show on
			// request, over the picture.
			browser.driver().get(url("/cameras/yard"));
			By badge = By.cssSelector(".motion-badge[data-motion-camera=yard]");
			motion.until((d) -> d.findElement(badge).isDisplayed());
			motion.until((d) -> d.findElement(badge).getAttribute("class").contains("motion-active"));
			browser.driver().findElement(By.cssSelector(".motion-boxes-toggle label")).click();
			// Boxes are redrawn at each poll: measured in the page, not through a stale
			// element.
			motion
				.until((d) -> browser.driver()
					.executeScript("const b = document.querySelector("
							+ "'.motion-boxes[data-motion-camera=yard] .motion-box');"
							+ " return b !== null && b.getBoundingClientRect().width > 0"));
			browser.screenshot("motion-live");

			// The dashboard: the yard's tile has the badge, the porch (no motion) none.
			browser.driver().get(url("/"));
			motion.until((d) -> d.findElement(badge).isDisplayed());
			assertThat(browser.driver()
				.findElement(By.cssSelector(".motion-badge[data-motion-camera=porch]"))
				.isDisplayed()).isFalse();
			// A toast says so at the next event.
			motion
				.until((d) -> d.findElement(By.cssSelector(".motion-toast")).getText().startsWith("Motion · Yard · "));

			// The events page: a clip plays in Chromium.
			browser.driver().get(url("/events?camera=yard"));
			assertThat(browser.driver().findElements(By.cssSelector(".event-item"))).isNotEmpty();
			play(browser, "video.event-clip");
			assertThat(browser.awaitPlaying("video.event-clip")).isEqualTo(640);
			browser.screenshot("motion-events");

			// The gallery: motion pictures only, with a play button that opens the clip.
			browser.driver().get(url("/pictures?camera=yard&kind=motion"));
			browser.driver().findElement(By.cssSelector(".motion-picture .clip-play")).click();
			play(browser, "video.picture-clip");
			assertThat(browser.awaitPlaying("video.picture-clip")).isEqualTo(640);
			assertThat(browser.consoleProblems()).isEmpty();
		}
	}

	private static void play(Browser browser, String selector) {
		browser.await((d) -> !d.findElements(By.cssSelector(selector)).isEmpty());
		browser.driver()
			.executeScript("const v = document.querySelector(arguments[0]); v.muted = true; v.play();", selector);
	}

	private static java.util.stream.Stream<Path> clips() {
		try (var files = Files.walk(temp.resolve("pictures"))) {
			return files.filter((f) -> f.getFileName().toString().endsWith("-motion.mp4")).toList().stream();
		}
		catch (IOException ex) {
			// Not there yet.
			return java.util.stream.Stream.empty();
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@Test
	void badNamesAreRefusedBeforeTheDiskIsTouched() {
		SignedInClient viewer = SignedInClient.signIn(this.port, TestUsers.VIEWER);
		assertThat(viewer.get("/events/clip/nothing.mp4").statusCode()).isEqualTo(400);
		assertThat(viewer.get("/events/clip/yard_20200101-000000-000-motion.mp4").statusCode()).isEqualTo(404);
		assertThat(viewer.get("/events?day=yesterday").statusCode()).isEqualTo(400);
		assertThat(viewer.get("/events?camera=..").statusCode()).isEqualTo(400);
		assertThat(viewer.get("/events").body()).doesNotContain("Exception");
	}

	/**
	 * The next notice of a type received by the webhook, of an event that starts from now
	 * on: notices of earlier events (while another test ran, when the machine may have
	 * been too busy to keep the video's pace) are passed over.
	 */
	private JsonNode awaitNotice(String type, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		received.clear();
		List<String> types = new CopyOnWriteArrayList<>();
		while (System.nanoTime() < deadline) {
			String body = received.poll(500, TimeUnit.MILLISECONDS);
			if (body == null) {
				continue;
			}
			JsonNode notice = this.json.readTree(body);
			if (types.isEmpty() && !notice.get("type").asString().equals("start")) {
				continue;
			}
			types.add(notice.get("type").asString());
			if (notice.get("type").asString().equals(type)) {
				assertThat(types).as("notices in order").startsWith("start", "end");
				return notice;
			}
		}
		throw new AssertionError("no '" + type + "' notice within " + timeout + "; got " + types);
	}

	/**
	 * Opens the server-sent event stream as a page does; returns the messages as they
	 * come.
	 */
	private List<String> listen() throws Exception {
		List<String> messages = new CopyOnWriteArrayList<>();
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/events/stream"))
				.header("Authorization", basic())
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				StringBuilder message = new StringBuilder();
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.isEmpty()) {
						messages.add(message.toString());
						message.setLength(0);
					}
					else {
						message.append(line).append('\n');
					}
				}
			}
			catch (IOException ex) {
				// Stream closed at the end of the test.
			}
		});
		reader.setDaemon(true);
		reader.start();
		return messages;
	}

	private String getJson(String path, TestUsers.User user) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", user.authorization())
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static String basic() {
		return TestUsers.basicAuth(TestUsers.VIEWER).get("Authorization");
	}

	private static void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
