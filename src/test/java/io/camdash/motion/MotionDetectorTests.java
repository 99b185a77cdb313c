package io.camdash.motion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector and the event tracker on generated videos whose truth is known: every real
 * motion interval is found within half a second, and noise, light and masked zones fire
 * nothing.
 */
class MotionDetectorTests {

	private static final int FPS = 5;

	private static final double TOLERANCE = 0.5;

	@Test
	void aMovingObjectOnAStillSceneIsOneEventFromItsFirstToItsLastMovement() {
		SyntheticScene scene = scene().mover(2, 6, 0.1, 0.5, 0.9, 0.5, 50);
		List<double[]> events = events(settings(), scene, 12);
		assertFound(events, new double[] { 2, 6 });
	}

	@Test
	void twoMovementsFarApartAreTwoEvents() {
		SyntheticScene scene = scene().mover(1, 3, 0.1, 0.2, 0.9, 0.3, 50).mover(10, 12, 0.8, 0.8, 0.2, 0.6, 60);
		List<double[]> events = events(settings(), scene, 16);
		assertFound(events, new double[] { 1, 3 }, new double[] { 10, 12 });
	}

	@Test
	void aSlowLightChangeIsNoMotion() {
		SyntheticScene scene = scene().lightRamp(4);
		assertThat(events(settings(), scene, 30)).isEmpty();
	}

	@Test
	void aLightSwitchedOnIsNoMotionButMotionAfterItStillIs() {
		SyntheticScene scene = scene().lightSwitch(4, 90, 0.6)
			.lightSwitch(9, -70, 0)
			.mover(13, 16, 0.2, 0.3, 0.7, 0.7, 50);
		List<double[]> events = events(settings(), scene, 20);
		assertFound(events, new double[] { 13, 16 });
	}

	@Test
	void sensorNoiseAloneIsNoMotion() {
		SyntheticScene scene = scene().noise(12);
		assertThat(events(settings(), scene, 20)).isEmpty();
	}

	@Test
	void motionThroughNoiseIsStillFound() {
		SyntheticScene scene = scene().noise(12).mover(3, 5, 0.2, 0.2, 0.8, 0.4, 50);
		assertFound(events(settings(), scene, 9), new double[] { 3, 5 });
	}

	@Test
	void motionInAMaskedRectangleIsIgnored() {
		SyntheticScene scene = scene().mover(2, 8, 0.7, 0.1, 0.9, 0.8, 40);
		MotionSettings masked = settings(new MotionMask(List.of("60,0,40,100"), List.of()));
		assertThat(events(masked, scene, 10)).isEmpty();
		assertFound(events(settings(), scene, 10), new double[] { 2, 8 });
	}

	@Test
	void motionInAMaskedPolygonIsIgnoredAndMotionOutsideItIsNot() {
		SyntheticScene scene = scene().mover(1, 4, 0.15, 0.15, 0.3, 0.3, 40).mover(7, 9, 0.6, 0.7, 0.9, 0.9, 40);
		MotionSettings masked = settings(new MotionMask(List.of(), List.of("0,0 80,0 0,80")));
		assertFound(events(masked, scene, 12), new double[] { 7, 9 });
	}

	@Test
	void aSingleFlickerShorterThanTheMinimumDurationFiresNothing() {
		SyntheticScene scene = scene().mover(2, 2.1, 0.5, 0.5, 0.5, 0.5, 80);
		assertThat(events(settings(), scene, 6)).isEmpty();
	}

	@Test
	void aRegionSmallerThanTheMinimumAreaFiresNothing() {
		SyntheticScene scene = scene().mover(2, 6, 0.1, 0.5, 0.9, 0.5, 8);
		assertThat(events(settings(), scene, 8)).isEmpty();
	}

	@Test
	void boxesAndPeakDescribeWhereTheMotionWas() {
		SyntheticScene scene = scene().mover(1, 3, 0.7, 0.7, 0.75, 0.75, 60);
		List<Detection> seen = new ArrayList<>();
		try (MotionDetector detector = new MotionDetector(settings())) {
			for (SyntheticScene.TimedJpeg frame : scene.render(4, FPS)) {
				try (Mat grey = GreyscaleDecoder.decode(frame.jpeg(), scene.height)) {
					assertThat(grey.rows()).isBetween(GreyscaleDecoder.MIN_HEIGHT, GreyscaleDecoder.MAX_HEIGHT);
					seen.add(detector.detect(grey));
				}
			}
		}
		Detection peak = seen.stream().filter(Detection::motion).findFirst().orElseThrow();
		assertThat(peak.boxes()).allSatisfy((box) -> {
			assertThat(box.x() + box.width() / 2).isBetween(0.6, 0.85);
			assertThat(box.y() + box.height() / 2).isBetween(0.6, 0.85);
		});
		assertThat(peak.amount()).isBetween(0.001, 0.1);
	}

	private static SyntheticScene scene() {
		return new SyntheticScene(640, 360);
	}

	static MotionSettings settings() {
		return settings(MotionMask.NONE);
	}

	static MotionSettings settings(MotionMask mask) {
		return new MotionSettings(true, FPS, 25, 0.5, 2, Duration.ofSeconds(2), 50, Duration.ofSeconds(2),
				Duration.ofSeconds(2), Duration.ofMinutes(1), true, mask);
	}

	/** Events found in a scene, as [start, end] seconds. */
	private static List<double[]> events(MotionSettings settings, SyntheticScene scene, double seconds) {
		List<double[]> events = new ArrayList<>();
		Instant zero = Instant.parse("2026-11-29T12:00:00Z");
		EventTracker tracker = new EventTracker(settings.minFrames(), settings.coolDown());
		try (MotionDetector detector = new MotionDetector(settings)) {
			for (SyntheticScene.TimedJpeg frame : scene.render(seconds, settings.detectFps())) {
				Instant at = zero.plusMillis(frame.millis());
				try (Mat grey = GreyscaleDecoder.decode(frame.jpeg(), scene.height)) {
					if (tracker.update(at, detector.detect(grey)) == EventTracker.Change.ENDED) {
						events.add(interval(zero, tracker));
					}
				}
			}
		}
		if (tracker.endNow()) {
			events.add(interval(zero, tracker));
		}
		return events;
	}

	private static double[] interval(Instant zero, EventTracker tracker) {
		return new double[] { Duration.between(zero, tracker.firstMotion()).toMillis() / 1000.0,
				Duration.between(zero, tracker.lastMotion()).toMillis() / 1000.0 };
	}

	private static void assertFound(List<double[]> events, double[]... truth) {
		assertThat(events).as("events found").hasSize(truth.length);
		for (int i = 0; i < truth.length; i++) {
			assertThat(events.get(i)[0]).as("start of event %d", i)
				.isCloseTo(truth[i][0], org.assertj.core.data.Offset.offset(TOLERANCE));
			assertThat(events.get(i)[1]).as("end of event %d", i)
				.isCloseTo(truth[i][1], org.assertj.core.data.Offset.offset(TOLERANCE));
		}
	}

}
