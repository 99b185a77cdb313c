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

	private final MeterRegistry registry;

	private final Map<String, Counter> events = new ConcurrentHashMap<>();

	private final Map<String, Timer> detection = new ConcurrentHashMap<>();

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

}
