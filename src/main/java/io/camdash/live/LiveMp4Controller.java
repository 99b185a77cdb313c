package io.camdash.live;

import java.time.Duration;

import io.camdash.camera.StreamingProperties;
import io.camdash.camera.UnknownCameraException;
import io.camdash.camera.ViewerLimiter;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /cameras/{id}/stream.mp4}: the live H.264 as one endless fragmented MP4 over
 * plain HTTP, so {@code ffmpeg -i …/stream.mp4 -c copy clip.mp4} records without
 * re-encoding.
 */
@RestController
class LiveMp4Controller {

	private final LiveStreams streams;

	private final ViewerLimiter limiter;

	private final LiveProperties properties;

	private final Duration writeTimeout;

	LiveMp4Controller(LiveStreams streams, ViewerLimiter limiter, LiveProperties properties,
			StreamingProperties streaming) {
		this.streams = streams;
		this.limiter = limiter;
		this.properties = properties;
		this.writeTimeout = streaming.writeTimeout();
	}

	@GetMapping("/cameras/{id}/stream.mp4")
	ResponseEntity<StreamingResponseBody> stream(@PathVariable String id, HttpServletRequest request) {
		LiveStream stream = this.streams.find(id).orElseThrow(() -> new UnknownCameraException(id));
		ViewerLimiter.Permit permit = this.limiter.tryAcquire(request.getRemoteAddr());
		if (permit == null) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					this.limiter.refusal(request.getRemoteAddr()));
		}
		permit.releaseWhenCompleted(request);
		StreamingResponseBody body = (out) -> {
			HttpLiveViewer viewer = new HttpLiveViewer(this.properties, this.writeTimeout, stream.metrics(), true,
					connectionCloser(request));
			stream.join(viewer);
			try {
				viewer.writeTo(out);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				viewer.markEnded();
				stream.leave(viewer);
				permit.release();
			}
		};
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("X-Accel-Buffering", "no")
			.header("Content-Type", "video/mp4")
			.body(body);
	}

	/** Closes the request's connection, failing a write blocked on it. */
	private static Runnable connectionCloser(HttpServletRequest request) {
		try {
			EndPoint endPoint = ServletContextRequest.getServletContextRequest(request)
				.getConnectionMetaData()
				.getConnection()
				.getEndPoint();
			return endPoint::close;
		}
		catch (IllegalStateException ex) {
			// Not a request Jetty serves (never in the running application): nothing to
			// close.
			return () -> {
			};
		}
	}

}
