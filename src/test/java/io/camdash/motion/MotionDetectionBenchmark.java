package io.camdash.motion;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/**
 * Detection cost per 720p camera, printed for docs/performance.md ({@code ./mvnw -Pbench
 * verify}): CPU time of the watcher's work per examined frame (small greyscale decode and
 * detection) on a 1280×720 scene with motion and noise, and that as a share of a core at
 * the default rate. A full decode of the same JPEG is printed for comparison; the
 * capture's own decode and JPEG encode are not counted (the camera does them anyway).
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

}
