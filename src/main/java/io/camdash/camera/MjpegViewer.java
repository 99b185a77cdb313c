package io.camdash.camera;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * One MJPEG viewer: sends each newest frame it has not sent yet, as the precomputed part, in one write.
 * A viewer slower than the camera skips frames instead of queueing them.
 */
final class MjpegViewer implements StreamingResponseBody {

	private static final Logger log = LoggerFactory.getLogger(MjpegViewer.class);

	/** How long to wait for a frame before checking whether the camera was closed. */
	private static final long WAIT_MILLIS = 1000;

	private final Camera camera;

	private final ViewerLimiter limiter;

	private final long minIntervalNanos;

	/**
	 * Pushes the response's buffered bytes to the socket. Since Spring Framework 7 the stream handed to
	 * {@link #writeTo} ignores flush() (StreamUtils.nonFlushing), which left each frame's last few KB in
	 * Tomcat's 8 KB buffer until the next frame: one frame interval of extra latency.
	 */
	private final Flushable response;

	MjpegViewer(Camera camera, ViewerLimiter limiter, Integer maxFps, Flushable response) {
		this.camera = camera;
		this.limiter = limiter;
		this.minIntervalNanos = (maxFps != null) ? 1_000_000_000L / maxFps : 0;
		this.response = response;
	}

	@Override
	public void writeTo(OutputStream out) {
		this.camera.addViewer();
		try {
			out.write(MjpegFormat.PREAMBLE);
			long sent = this.camera.sequenceBeforeFirstFrame();
			while (!this.camera.isClosed()) {
				LatestFrame frame = this.camera.awaitNewer(sent, WAIT_MILLIS);
				if (frame == null) {
					continue;
				}
				long start = System.nanoTime();
				out.write(frame.mjpegPart());
				this.response.flush();
				countSent(sent, frame.sequence());
				sent = frame.sequence();
				if (this.minIntervalNanos > 0) {
					TimeUnit.NANOSECONDS.sleep(this.minIntervalNanos - (System.nanoTime() - start));
				}
			}
		}
		catch (IOException ex) {
			// The viewer went away: an expected end, not an error.
			log.debug("Viewer of camera '{}' disconnected: {}", this.camera.id(), ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.camera.removeViewer();
			this.limiter.release();
		}
	}

	private void countSent(long previous, long current) {
		CameraMetrics metrics = this.camera.metrics();
		metrics.framesSent.increment();
		if (previous > 0 && current > previous + 1) {
			metrics.framesSkipped.increment(current - previous - 1);
		}
	}

}
