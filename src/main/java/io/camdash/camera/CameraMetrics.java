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

	final Counter packetsDecoded;

	final Counter framesSent;

	final Counter framesSkipped;

	final Timer reducedEncodeTime;

	final Counter reducedFramesSent;

	CameraMetrics(MeterRegistry registry, String cameraId, Supplier<Number> viewers, Supplier<Number> reducedViewers) {
		this.framesCaptured = Counter.builder("camdash.camera.frames.captured")
			.description("Frames captured and encoded")
			.tag("camera", cameraId)
			.register(registry);
		this.encodeTime = Timer.builder("camdash.camera.encode")
			.description("Time to encode one frame to JPEG")
			.tag("camera", cameraId)
			.register(registry);
		this.packetsDecoded = Counter.builder("camdash.camera.packets.decoded")
			.description("H.264 packets of a passed-through camera decoded to images; none while nobody needs images")
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
		this.reducedEncodeTime = Timer.builder("camdash.camera.reduced.encode")
			.description("Time to scale down and encode one reduced frame; none while no viewer gets them")
			.tag("camera", cameraId)
			.register(registry);
		this.reducedFramesSent = Counter.builder("camdash.camera.reduced.frames.sent")
			.description(
					"Frames sent at reduced size, to viewers that cannot keep up with full ones (also in frames.sent)")
			.tag("camera", cameraId)
			.register(registry);
		Gauge.builder("camdash.camera.reduced.viewers", reducedViewers)
			.description("MJPEG viewers getting reduced frames now")
			.tag("camera", cameraId)
			.register(registry);
	}

}
