package io.camdash.motion;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import io.camdash.camera.Camera;
import io.camdash.camera.CameraRegistry;
import io.camdash.camera.CameraState;
import io.camdash.camera.CamerasProperties;
import io.camdash.camera.LatestFrame;
import io.camdash.camera.source.FrameSource;
import io.camdash.camera.source.FrameSourceFactory;
import io.camdash.camera.source.PiCameraProperties;
import io.camdash.camera.source.SourceSettings;
import io.camdash.pictures.PicturesProperties;
import io.camdash.support.CameraSettingsBuilder;
import io.camdash.support.Ffprobe;
import io.camdash.support.TestStreamingProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults around a motion event, on a real camera reading a generated video (no Spring):
 * the camera lost in the middle of an event, and a webhook receiver (a real local HTTP
 * server) that hangs or answers 500.
 */
class MotionFaultsTests {

	private static final int FPS = 10;

	@TempDir
	Path temp;

	private final JsonMapper json = JsonMapper.builder().build();

	private final FailingSources sources = new FailingSources();

	private @Nullable CameraRegistry cameras;

	private @Nullable MotionWatcher watcher;

	private @Nullable WebhookNotifier webhook;

	private @Nullable MotionListeners listeners;

	private @Nullable HttpServer receiver;

	private final CountDownLatch released = new CountDownLatch(1);

	@AfterEach
	void stop() throws InterruptedException {
		this.released.countDown();
		if (this.watcher != null) {
			this.watcher.stop();
		}
		if (this.webhook != null) {
			this.webhook.destroy();
		}
		if (this.listeners != null) {
			this.listeners.destroy();
		}
		if (this.cameras != null) {
			this.cameras.destroy();
		}
		if (this.receiver != null) {
			this.receiver.stop(0);
		}
	}

	@Test
	void aCameraLostDuringAnEventEndsTheEventAndClosesItsClip() throws Exception {
		// Still for a second, then something moves for ten.
		Camera camera = camera(new SyntheticScene(320, 180).mover(1, 11, 0.1, 0.3, 0.9, 0.7, 40), 12);
		this.watcher = watch(camera, null);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.watcher.status().active());
		Instant eventStart = this.watcher.status().eventStart();
		// Let the clip take some frames after the start, then pull the plug.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> camera.latest() != null && camera.latest().capturedAt().isAfter(eventStart.plusSeconds(1)));
		this.sources.fail();
		await().atMost(Duration.ofSeconds(10)).until(() -> camera.state() == CameraState.NO_SIGNAL);

		JsonNode record = awaitRecord((r) -> r.hasNonNull("clip"), Duration.ofSeconds(30));
		assertThat(record.get("endReason").asString()).isEqualTo("camera lost");
		assertThat(this.watcher.status().active()).isFalse();
		Path folder = eventFolder(record);
		String id = record.get("id").asString();
		assertThat(folder.resolve(id + ".jpg")).isRegularFile();
		Path clip = folder.resolve(id + ".mp4");
		assertThat(clip).isRegularFile();
		String probe = Ffprobe.videoStream(clip);
		assertThat(probe).contains("codec_name=h264");
		// The clip holds the pre-roll and the motion up to the loss, then ends.
		double duration = Double.parseDouble(probe.replaceAll("(?s).*duration=([0-9.]+).*", "$1"));
		assertThat(duration).isGreaterThan(1.5).isLessThan(15);
		assertThat(record.get("clipSeconds").asDouble()).isPositive();
		assertThat(hiddenFiles(folder)).as("no temporary file left").isEmpty();
	}

	@ParameterizedTest(name = "a webhook that {0}")
	@ValueSource(strings = { "hangs", "fails" })
	void aWebhookThatHangsOrFailsNeverSlowsCaptureOrDetection(String behaviour) throws Exception {
		AtomicInteger requests = new AtomicInteger();
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", (exchange) -> {
			requests.incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			if (behaviour.equals("hangs")) {
				try {
					this.released.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			else {
				exchange.sendResponseHeaders(500, -1);
			}
			exchange.close();
		});
		this.receiver.start();
		URI url = URI.create("http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook");

		// Something crosses the picture from 1 s to 2.5 s of each 5 s loop.
		Camera camera = camera(new SyntheticScene(320, 180).mover(1, 2.5, 0.1, 0.3, 0.9, 0.7, 40), 5);
		this.watcher = watch(camera, url);
		// The first event's files are saved while the receiver still holds (or refuses)
		// its first notice.
		JsonNode first = awaitRecord((r) -> r.hasNonNull("end"), Duration.ofSeconds(30));
		assertThat(requests.get()).as("the webhook was called").isPositive();
		assertThat(this.webhook.sent()).as("nothing delivered").isZero();

		// Meanwhile the camera captures at its rate and every examined frame is recent.
		LatestFrame before = camera.latest();
		long startNanos = System.nanoTime();
		// A window to count frames over, while the webhook still hangs or fails.
		TimeUnit.SECONDS.sleep(2);
		LatestFrame after = camera.latest();
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		assertThat((after.sequence() - before.sequence()) / seconds).as("frames per second captured")
			.isGreaterThan(FPS * 0.6);
		assertThat(Duration.between(this.watcher.status().lastExamined(), after.capturedAt()))
			.isLessThan(Duration.ofSeconds(1));

		// The next event is found and saved too.
		JsonNode second = awaitRecord((r) -> r.hasNonNull("end") && !r.get("id").equals(first.get("id")),
				Duration.ofSeconds(30));
		assertThat(second.get("camera").asString()).isEqualTo("yard");
		if (behaviour.equals("fails")) {
			// Each failure was tried again.
			await().atMost(Duration.ofSeconds(15)).until(() -> requests.get() >= 3);
		}
	}

	private Camera camera(SyntheticScene scene, double seconds) throws Exception {
		Path video = this.temp.resolve("yard.avi");
		scene.writeVideo(video, seconds, FPS);
		this.cameras = new CameraRegistry(new CamerasProperties(List.of(CameraSettingsBuilder.camera("yard")
			.source("file:" + video)
			.fps(FPS)
			.stallTimeout(Duration.ofMillis(500))
			.build())), TestStreamingProperties.tenViewers(), this.sources, new SimpleMeterRegistry());
		return this.cameras.require("yard");
	}

	private MotionWatcher watch(Camera camera, @Nullable URI webhookUrl) throws IOException {
		MotionProperties properties = new MotionProperties(
				new MotionProperties.Webhook(webhookUrl, Duration.ofSeconds(1), 3, 100),
				new MotionProperties.Retention(30, DataSize.ofBytes(0), Duration.ofHours(1)), 10);
		EventFiles files = new EventFiles(
				new PicturesProperties(this.temp.resolve("pictures"), this.temp.resolve("thumbnails"), 320, 48),
				this.json);
		this.listeners = new MotionListeners(properties);
		this.webhook = new WebhookNotifier(properties, this.json);
		MotionEvents events = new MotionEvents(files, this.listeners, this.webhook);
		MotionSettings settings = new MotionSettings(true, 5, 25, 0.5, 2, Duration.ofSeconds(1), 50,
				Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(2), true, MotionMask.NONE);
		MotionWatcher watching = new MotionWatcher(camera, settings, files, events,
				new MotionMetrics(new SimpleMeterRegistry()));
		watching.start();
		return watching;
	}

	/** Waits for an event record on disk that passes the test. */
	private JsonNode awaitRecord(java.util.function.Predicate<JsonNode> test, Duration timeout) {
		return await().atMost(timeout).until(() -> records().filter(test).findFirst(), Optional::isPresent).get();
	}

	private Stream<JsonNode> records() throws IOException {
		Path pictures = this.temp.resolve("pictures");
		if (!Files.isDirectory(pictures)) {
			return Stream.empty();
		}
		try (Stream<Path> files = Files.walk(pictures)) {
			List<Path> records = files.filter((f) -> f.getFileName().toString().endsWith("-motion.json")).toList();
			return records.stream().map((f) -> {
				try {
					return this.json.readTree(Files.readString(f));
				}
				catch (IOException ex) {
					return this.json.createObjectNode();
				}
			}).filter((r) -> r.has("id"));
		}
	}

	private Path eventFolder(JsonNode record) {
		String picture = record.get("picture").asString();
		return this.temp.resolve("pictures").resolve(picture).getParent();
	}

	private static List<String> hiddenFiles(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((f) -> f.getFileName().toString()).filter((name) -> name.startsWith(".")).toList();
		}
	}

	/** Real sources that fail from a moment on, as an unplugged camera does. */
	static final class FailingSources extends FrameSourceFactory {

		private volatile boolean failing;

		FailingSources() {
			super(PiCameraProperties.defaults());
		}

		void fail() {
			this.failing = true;
		}

		@Override
		public FrameSource create(SourceSettings settings) {
			FrameSource real = super.create(settings);
			return new FrameSource() {

				@Override
				public void open() throws IOException {
					check();
					real.open();
				}

				@Override
				public Mat grab() throws IOException, InterruptedException {
					check();
					return real.grab();
				}

				@Override
				public long frameIntervalNanos() {
					return real.frameIntervalNanos();
				}

				@Override
				public void close() {
					real.close();
				}

			};
		}

		private void check() throws IOException {
			if (this.failing) {
				throw new IOException("simulated camera failure");
			}
		}

	}

}
