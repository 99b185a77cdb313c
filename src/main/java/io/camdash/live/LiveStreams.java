package io.camdash.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Every camera's live H.264 stream. A stream attaches to its camera only while it has a
 * viewer, so a camera nobody watches stays idle.
 */
@Component
class LiveStreams {

	private final Map<String, LiveStream> streams = new LinkedHashMap<>();

	LiveStreams(CameraRegistry cameras, LiveProperties properties, MeterRegistry meterRegistry) {
		for (Camera camera : cameras.all()) {
			LiveStream stream = new LiveStream(camera, properties, meterRegistry);
			this.streams.put(camera.id(), stream);
		}
	}

	Optional<LiveStream> find(String cameraId) {
		return Optional.ofNullable(this.streams.get(cameraId));
	}

}
