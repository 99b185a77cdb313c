package io.camdash.live;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The Micrometer meters of one camera's H.264 stream, tagged with the camera's id. */
final class LiveMetrics {

	final Counter framesEncoded;

	final Counter framesPassed;

	final Timer encodeTime;

	final Counter bytesSent;

	final Counter keyframeSkips;

	LiveMetrics(MeterRegistry registry, String cameraId, Supplier<Number> viewers, Supplier<Number> passthrough) {
		this.framesEncoded = Counter.builder("camdash.camera.h264.frames.encoded")
			.description("Frames encoded to H.264, once per frame whatever the number of viewers")
			.tag("camera", cameraId)
			.register(registry);
		this.framesPassed = Counter.builder("camdash.camera.h264.frames.passed")
			.description("Frames of the camera's own H.264 passed through to viewers, neither decoded nor encoded")
			.tag("camera", cameraId)
			.register(registry);
		Gauge.builder("camdash.camera.h264.passthrough", passthrough)
			.description(
					"1 while the camera's own H.264 is passed through, 0 while camdash encodes (or nobody watches)")
			.tag("camera", cameraId)
			.register(registry);
		this.encodeTime = Timer.builder("camdash.camera.h264.encode")
			.description("Time to convert and encode one frame to H.264")
			.tag("camera", cameraId)
			.register(registry);
		this.bytesSent = Counter.builder("camdash.camera.h264.bytes.sent")
			.description("Bytes of H.264 fragments handed to viewers' connections, all viewers added up")
			.baseUnit("bytes")
			.tag("camera", cameraId)
			.register(registry);
		this.keyframeSkips = Counter.builder("camdash.camera.h264.keyframe.skips")
			.description("Times a viewer fell behind and skipped to the next keyframe")
			.tag("camera", cameraId)
			.register(registry);
		Gauge.builder("camdash.camera.h264.viewers", viewers)
			.description("H.264 viewers watching now (WebSocket and stream.mp4)")
			.tag("camera", cameraId)
			.register(registry);
	}

}
