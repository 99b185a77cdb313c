package io.camdash.camera;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The Micrometer meters of one camera, tagged with its id. */
final class CameraMetrics {

	final Counter framesCaptured;

	final Timer encodeTime;

	final Counter framesSent;

	final Counter framesSkipped;

	CameraMetrics(MeterRegistry registry, String cameraId, Supplier<Number> viewers) {
		this.framesCaptured = Counter.builder("camdash.camera.frames.captured")
			.description("Frames captured and encoded")
			.tag("camera", cameraId)
			.register(registry);
		this.encodeTime = Timer.builder("camdash.camera.encode")
			.description("Time to encode one frame to JPEG")
			.tag("camera", cameraId)
			.register(registry);
		this.framesSent = Counter.builder("camdash.camera.frames.sent")
			.description("Frames sent to MJPEG viewers, all viewers added up")
			.tag("camera", cameraId)
			.register(registry);
		this.framesSkipped = Counter.builder("camdash.camera.frames.skipped")
			.description("Frames a viewer never got because it was still sending an older one")
			.tag("camera", cameraId)
			.register(registry);
		Gauge.builder("camdash.camera.viewers", viewers)
			.description("MJPEG viewers watching now")
			.tag("camera", cameraId)
			.register(registry);
	}

}
