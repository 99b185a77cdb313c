package io.camdash.motion;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.camdash.support.Ffprobe;
import io.camdash.support.H264Slices;
import io.camdash.support.RtspRelay;
import io.camdash.support.SignedInBrowserTests;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Motion clips of a real RTSP H.264 camera (ffmpeg publishing a libx264 video of known
 * motion through {@link RtspRelay}): the clip is the camera's own video, copied, starting
 * at a keyframe at or before the pre-roll point, and it plays.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class H264ClipIntegrationTests extends SignedInBrowserTests {

	@TempDir
	static Path temp;

	private static Path video;

	private static RtspRelay relay;

	@Autowired
	private MeterRegistry meters;

	private final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void h264Camera(DynamicPropertyRegistry registry) throws Exception {
		Path scene = temp.resolve("yard.avi");
		// Still for 2 s, something crosses the yard until 4.5 s, still again until 8 s;
		// looped.
		new SyntheticScene(640, 360).mover(2, 4.5, 0.1, 0.4, 0.9, 0.6, 60).writeVideo(scene, 8, 10);
		video = temp.resolve("yard.mp4");
		// Main profile, a keyframe a second, no B-frames: what most IP cameras send.
		run("ffmpeg", "-nostdin", "-loglevel", "error", "-i", scene.toString(), "-c:v", "libx264", "-profile:v", "main",
				"-bf", "0", "-g", "10", "-pix_fmt", "yuv420p", video.toString());
		relay = RtspRelay.publishing(video);
		registry.add("camdash.pictures.folder", () -> temp.resolve("pictures").toString());
		registry.add("camdash.pictures.thumbnail-cache", () -> temp.resolve("cache").toString());
		registry.add("camdash.cameras[0].id", () -> "yard");
		registry.add("camdash.cameras[0].source", relay::url);
		registry.add("camdash.cameras[0].fps", () -> "10");
		registry.add("camdash.cameras[0].motion.enabled", () -> "true");
		registry.add("camdash.cameras[0].motion.cool-down", () -> "1s");
		registry.add("camdash.cameras[0].motion.pre-roll", () -> "1s");
		registry.add("camdash.cameras[0].motion.post-roll", () -> "1s");
	}

	@AfterAll
	static void stopCamera() throws IOException {
		if (relay != null) {
			relay.close();
		}
	}

	@Test
	void aMotionClipIsTheCamerasOwnH264FromAKeyframeBeforeThePreRollAndPlays() throws Exception {
		// The second event: the first may have begun before the camera had a pre-roll.
		JsonNode record = await().atMost(Duration.ofSeconds(90))
			.until(this::recordsWithClips, (records) -> records.size() >= 2)
			.get(1);
		String id = record.get("id").asString();
		Path clip = temp.resolve("pictures").resolve(record.get("picture").asString()).resolveSibling(id + ".mp4");
		assertThat(clip).isRegularFile();

		// The camera's video: same profile and size, and every slice one the camera sent.
		assertThat(Ffprobe.videoStream(clip)).contains("codec_name=h264", "profile=Main", "width=640", "height=360");
		List<ByteBuffer> slices = H264Slices.of(clip);
		Set<ByteBuffer> cameraSlices = new HashSet<>(H264Slices.of(video));
		assertThat(slices).isNotEmpty();
		assertThat(cameraSlices).as("slices of the camera's own stream").containsAll(slices);
		assertThat(counter("camdash.motion.clip.frames", "how", "copied")).isGreaterThanOrEqualTo(slices.size());
		assertThat(counter("camdash.motion.clip.frames", "how", "encoded")).as("clip frames encoded").isZero();
		assertThat(this.meters.get("camdash.camera.h264.frames.encoded").tag("camera", "yard").counter().count())
			.as("H.264 encodes")
			.isZero();

		// It starts at a keyframe at or before the pre-roll point (1 s before the first
		// motion frame), at most a GOP (1 s) earlier, and ends a post-roll after the
		// last.
		Instant start = Instant.parse(record.get("start").asString());
		Instant end = Instant.parse(record.get("end").asString());
		Instant clipStart = Instant.parse(record.get("clipStart").asString());
		assertThat(Duration.between(clipStart, start).toMillis()).isBetween(1000L, 2300L);
		double expected = Duration.between(clipStart, end).toMillis() / 1000.0 + 1.0;
		assertThat(record.get("clipSeconds").asDouble()).isCloseTo(expected, within(0.5));
		String probe = Ffprobe.videoStream(clip);
		double duration = Double.parseDouble(probe.replaceAll("(?s).*duration=([0-9.]+).*", "$1"));
		assertThat(duration).isCloseTo(record.get("clipSeconds").asDouble(), within(0.25));

		// Chromium plays it on the events page.
		browser.driver().get(url("/events?camera=yard"));
		browser.await((d) -> !d.findElements(By.cssSelector("video.event-clip")).isEmpty());
		browser.driver()
			.executeScript("const v = document.querySelector('video.event-clip'); v.muted = true; v.play();");
		assertThat(browser.awaitPlaying("video.event-clip")).isEqualTo(640);
		assertThat(browser.consoleProblems()).isEmpty();
	}

	private double counter(String name, String tag, String value) {
		return this.meters.get(name).tag("camera", "yard").tag(tag, value).counter().count();
	}

	/** The event records on disk with a clip, oldest first. */
	private List<JsonNode> recordsWithClips() throws IOException {
		Path pictures = temp.resolve("pictures");
		if (!Files.isDirectory(pictures)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(pictures)) {
			return files.filter((f) -> f.getFileName().toString().endsWith("-motion.json"))
				.sorted(Comparator.comparing((f) -> f.getFileName().toString()))
				.map(this::read)
				.filter((r) -> r.hasNonNull("clip") && r.hasNonNull("clipStart"))
				.toList();
		}
	}

	private JsonNode read(Path record) {
		try {
			return this.json.readTree(Files.readString(record));
		}
		catch (IOException ex) {
			// Being replaced: read again at the next poll.
			return this.json.createObjectNode();
		}
	}

	private static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).inheritIO().start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
	}

}
