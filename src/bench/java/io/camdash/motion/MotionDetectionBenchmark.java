package io.camdash.motion;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraRegistry;
import io.camdash.camera.CamerasProperties;
import io.camdash.camera.LatestFrame;
import io.camdash.camera.source.FrameSourceFactory;
import io.camdash.camera.source.PiCameraProperties;
import io.camdash.pictures.PicturesProperties;
import io.camdash.support.CameraSettingsBuilder;
import io.camdash.support.TestStreamingProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/**
 * Detection cost per 720p camera, printed for docs/performance.md ({@code ./mvnw -Pbench
 * verify}): CPU time of the watcher's work per examined frame (small greyscale decode and
 * detection) on a 1280×720 scene with motion and noise, and that as a share of a core at
 * the default rate. A full decode of the same JPEG is printed for comparison; the
 * capture's own decode and JPEG encode are not counted (the camera does them anyway). A
 * second run watches eight 720p cameras at once, as camdash does, and prints what the
 * whole process spends: capture (decode and JPEG encode of each frame) plus detection.
 */
@Tag("benchmark")
class MotionDetectionBenchmark {

	@Test
	void detectionCostPer720pCamera() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		SyntheticScene scene = new SyntheticScene(1280, 720).noise(6).mover(0, 20, 0.1, 0.3, 0.9, 0.7, 120);
		List<SyntheticScene.TimedJpeg> frames = scene.render(20, 5);
		MotionSettings settings = MotionDetectorTests.settings();
		int rounds = 5;
		long detectCpu = 0;
		long fullCpu = 0;
		int examined = 0;
		try (MotionDetector detector = new MotionDetector(settings)) {
			for (int round = 0; round <= rounds; round++) {
				long start = threads.getCurrentThreadCpuTime();
				for (SyntheticScene.TimedJpeg frame : frames) {
					try (Mat grey = GreyscaleDecoder.decode(frame.jpeg(), 720)) {
						detector.detect(grey);
					}
				}
				long afterDetect = threads.getCurrentThreadCpuTime();
				for (SyntheticScene.TimedJpeg frame : frames) {
					try (BytePointer data = new BytePointer(frame.jpeg());
							Mat encoded = new Mat(1, frame.jpeg().length, CV_8UC1, data);
							Mat full = imdecode(encoded, IMREAD_COLOR)) {
						full.cols();
					}
				}
				long afterFull = threads.getCurrentThreadCpuTime();
				// The first round warms up.
				if (round > 0) {
					detectCpu += afterDetect - start;
					fullCpu += afterFull - afterDetect;
					examined += frames.size();
				}
			}
		}
		double detectMillis = detectCpu / 1e6 / examined;
		double fullMillis = fullCpu / 1e6 / examined;
		System.out.printf("%nMotion detection, 1280x720 JPEG, %d frames examined%n", examined);
		System.out.printf("  small greyscale decode + detection: %.2f ms CPU per frame%n", detectMillis);
		System.out.printf("  at the default %d fps: %.2f %% of a core per camera%n", settings.detectFps(),
				detectMillis * settings.detectFps() / 10);
		System.out.printf("  (for comparison, a full colour decode of the same JPEG: %.2f ms)%n", fullMillis);
	}

	@Test
	void eightCamerasWithMotionOn(@TempDir Path temp) throws Exception {
		int cameras = 8;
		int fps = 15;
		Path video = temp.resolve("yard.avi");
		new SyntheticScene(1280, 720).noise(4).mover(3, 7, 0.1, 0.3, 0.9, 0.7, 120).writeVideo(video, 10, fps);
		CameraRegistry registry = new CameraRegistry(
				new CamerasProperties(IntStream.range(0, cameras)
					.mapToObj((i) -> CameraSettingsBuilder.camera("cam" + i).source("file:" + video).fps(fps).build())
					.toList()),
				TestStreamingProperties.tenViewers(), new FrameSourceFactory(PiCameraProperties.defaults()),
				new SimpleMeterRegistry());
		MotionProperties properties = new MotionProperties(
				new MotionProperties.Webhook(null, Duration.ofSeconds(5), 3, 100),
				new MotionProperties.Retention(30, DataSize.ofBytes(0), Duration.ofHours(1)), 10);
		JsonMapper json = JsonMapper.builder().build();
		EventFiles files = new EventFiles(
				new PicturesProperties(temp.resolve("pictures"), temp.resolve("thumbnails"), 320, 48), json);
		MotionListeners listeners = new MotionListeners(properties);
		WebhookNotifier webhook = new WebhookNotifier(properties, json);
		MotionMetrics metrics = new MotionMetrics(new SimpleMeterRegistry());
		MotionEvents events = new MotionEvents(files, listeners, webhook);
		List<MotionWatcher> watchers = new ArrayList<>();
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		try {
			for (Camera camera : registry.all()) {
				MotionWatcher watcher = new MotionWatcher(camera, MotionDetectorTests.settings(), files, events,
						metrics);
				watcher.start();
				watchers.add(watcher);
			}
			// Warm up: every camera capturing, detection compiled.
			TimeUnit.SECONDS.sleep(10);
			long[] sequences = registry.all().stream().mapToLong((camera) -> sequence(camera)).toArray();
			long cpuBefore = os.getProcessCpuTime();
			long start = System.nanoTime();
			TimeUnit.SECONDS.sleep(30);
			double seconds = (System.nanoTime() - start) / 1e9;
			double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9 / seconds;
			System.out.printf("%n%d cameras 1280x720 at %d fps with motion on, %.0f s measured%n", cameras, fps,
					seconds);
			for (int i = 0; i < cameras; i++) {
				Camera camera = registry.all().get(i);
				System.out.printf("  %s: %.1f fps captured, detection %.2f ms per examined frame (mean)%n", camera.id(),
						(sequence(camera) - sequences[i]) / seconds,
						metrics.detectionTime(camera.id()).mean(TimeUnit.MILLISECONDS));
			}
			System.out.printf(
					"  whole process (capture, JPEG encode, detection, clips): %.0f %% of one core" + " (%d cores)%n",
					cpu * 100, Runtime.getRuntime().availableProcessors());
		}
		finally {
			for (MotionWatcher watcher : watchers) {
				watcher.stop();
			}
			events.destroy();
			listeners.destroy();
			webhook.destroy();
			registry.destroy();
			FileSystemUtils.deleteRecursively(temp.resolve("pictures"));
		}
	}

	private static long sequence(Camera camera) {
		LatestFrame frame = camera.latest();
		return (frame != null) ? frame.sequence() : 0;
	}

}
