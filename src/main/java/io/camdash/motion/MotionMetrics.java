package io.camdash.motion;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/** The Micrometer meters of motion detection, tagged with the camera's id. */
@Component
class MotionMetrics {

	/** Clip frames copied from the camera's own H.264. */
	static final String COPIED = "copied";

	/** Clip frames encoded from the camera's images. */
	static final String ENCODED = "encoded";

	private final MeterRegistry registry;

	private final Map<String, Counter> events = new ConcurrentHashMap<>();

	private final Map<String, Timer> detection = new ConcurrentHashMap<>();

	private final Map<String, Counter> clipFrames = new ConcurrentHashMap<>();

	MotionMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	Counter events(String camera) {
		return this.events.computeIfAbsent(camera,
				(id) -> Counter.builder("camdash.motion.events")
					.description("Motion events started")
					.tag("camera", id)
					.register(this.registry));
	}

	Timer detectionTime(String camera) {
		return this.detection.computeIfAbsent(camera,
				(id) -> Timer.builder("camdash.motion.detection")
					.description("Time to examine one frame for motion (small greyscale decode and detection)")
					.tag("camera", id)
					.register(this.registry));
	}

	/**
	 * Frames written to a camera's clips, one way: {@code copied} (the camera's own H.264
	 * packets) or {@code encoded} (its images, with libopenh264).
	 */
	Counter clipFrames(String camera, String how) {
		return this.clipFrames.computeIfAbsent(camera + "/" + how,
				(key) -> Counter.builder("camdash.motion.clip.frames")
					.description("Frames written to motion clips: copied from the camera's own H.264, or encoded")
					.tag("camera", camera)
					.tag("how", how)
					.register(this.registry));
	}

}
