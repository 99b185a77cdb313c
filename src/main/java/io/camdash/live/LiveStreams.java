package io.camdash.live;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraChangeListener;
import io.camdash.camera.CameraRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Every camera's live H.264 stream. A stream attaches to its camera only while it has a
 * viewer, so a camera nobody watches stays idle. Follows the list of cameras as it
 * changes: a camera added while camdash runs gets a stream on its first viewer, and a
 * removed camera's stream is forgotten (its viewers were ended by the camera).
 */
@Component
class LiveStreams implements CameraChangeListener {

	private final Map<String, LiveStream> streams = new ConcurrentHashMap<>();

	private final CameraRegistry cameras;

	private final LiveProperties properties;

	private final MeterRegistry meterRegistry;

	LiveStreams(CameraRegistry cameras, LiveProperties properties, MeterRegistry meterRegistry) {
		this.cameras = cameras;
		this.properties = properties;
		this.meterRegistry = meterRegistry;
		for (Camera camera : cameras.all()) {
			this.streams.put(camera.id(), new LiveStream(camera, properties, meterRegistry));
		}
		cameras.addListener(this);
	}

	Optional<LiveStream> find(String cameraId) {
		return this.cameras.find(cameraId)
			.map((camera) -> this.streams.compute(cameraId, (id, known) -> (known != null && known.camera() == camera)
					? known : new LiveStream(camera, this.properties, this.meterRegistry)));
	}

	@Override
	public void cameraRemoved(Camera camera) {
		this.streams.computeIfPresent(camera.id(), (id, known) -> (known.camera() == camera) ? null : known);
	}

}
