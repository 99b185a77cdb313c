package io.camdash.camera;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.camdash.camera.source.FrameSource;
import io.camdash.camera.source.FrameSourceFactory;
import io.camdash.camera.source.SourceSpec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The body of a camera's capture thread: open the source, grab, draw the overlay, encode
 * to JPEG once (and once more, smaller, while some viewer gets reduced frames), publish.
 * When the source fails it is closed and reopened with capped exponential backoff. Runs
 * while its {@link CaptureLifecycle} says so.
 */
final class CaptureLoop implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(CaptureLoop.class);

	static final long FIRST_BACKOFF_MILLIS = 500;

	static final long MAX_BACKOFF_MILLIS = 10_000;

	private final Camera camera;

	private final CaptureLifecycle lifecycle;

	private final FrameSourceFactory sources;

	private final CameraSettings settings;

	private final StreamingProperties.Reduced reduced;

	private long backoffMillis = FIRST_BACKOFF_MILLIS;

	CaptureLoop(Camera camera, FrameSourceFactory sources, StreamingProperties.Reduced reduced) {
		this.camera = camera;
		this.lifecycle = camera.lifecycle();
		this.sources = sources;
		this.settings = camera.settings();
		this.reduced = reduced;
	}

	@Override
	public void run() {
		StreamingProperties.Reduced reduced = this.reduced;
		try (JpegEncoder encoder = new JpegEncoder(this.settings.jpegQuality());
				ReducedFrameEncoder reducedEncoder = new ReducedFrameEncoder(reduced.maxWidth(), reduced.jpegQuality());
				Mat resized = new Mat()) {
			do {
				while (this.lifecycle.shouldRun()) {
					captureUntilFailure(encoder, reducedEncoder, resized);
					if (this.lifecycle.shouldRun()) {
						backOff();
					}
				}
			}
			while (!this.lifecycle.captureEnding());
		}
	}

	private void captureUntilFailure(JpegEncoder encoder, ReducedFrameEncoder reducedEncoder, Mat resized) {
		try (FrameSource source = this.sources.create(this.settings.sourceSettings())) {
			source.open();
			long interval = source.frameIntervalNanos();
			long due = System.nanoTime();
			while (this.lifecycle.shouldRun()) {
				if (interval > 0) {
					due = pace(due, interval);
				}
				Mat image = source.grab();
				if (Thread.interrupted()) {
					throw new InterruptedException();
				}
				if (image == null || image.empty()) {
					throw new IllegalStateException("the source gave an empty image");
				}
				publish(encoder, reducedEncoder, fitted(image, resized));
				this.backoffMillis = FIRST_BACKOFF_MILLIS;
			}
		}
		catch (InterruptedException ex) {
			// Stopped, or told by the watchdog that the source stalled: close it and see
			// which.
			Thread.interrupted();
		}
		catch (Exception | LinkageError ex) {
			if (this.lifecycle.shouldRun()) {
				this.camera.lostSignal(reason(ex));
				log.debug("Camera '{}' source failure", this.camera.id(), ex);
			}
		}
	}

	/**
	 * Waits until the next frame is due; a capture that fell behind starts afresh instead
	 * of bursting.
	 */
	private static long pace(long due, long interval) throws InterruptedException {
		long wait = due - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		long next = due + interval;
		return (next < System.nanoTime()) ? System.nanoTime() + interval : next;
	}

	private Mat fitted(Mat image, Mat resized) {
		int w = this.settings.width();
		int h = this.settings.height();
		if (w <= 0 || h <= 0 || (image.cols() == w && image.rows() == h)) {
			return image;
		}
		try (Size size = new Size(w, h)) {
			resize(image, resized, size, 0, 0, INTER_AREA);
		}
		return resized;
	}

	private void publish(JpegEncoder encoder, ReducedFrameEncoder reducedEncoder, Mat image) {
		Instant capturedAt = Instant.now();
		if (this.settings.overlay() && this.settings.source().kind() != SourceSpec.Kind.TEST_PATTERN) {
			FramePainter.overlay(image, this.settings.name(), capturedAt);
		}
		CameraMetrics metrics = this.camera.metrics();
		long start = System.nanoTime();
		byte[] jpeg = encoder.encode(image);
		metrics.encodeTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		metrics.framesCaptured.increment();
		byte[] reducedJpeg = null;
		if (this.camera.demand().wantsReducedFrames()) {
			// Before publishing, so both sizes of a frame appear together; about a
			// millisecond at 720p.
			long reducedStart = System.nanoTime();
			reducedJpeg = reducedEncoder.encode(image);
			metrics.reducedEncodeTime.record(System.nanoTime() - reducedStart, TimeUnit.NANOSECONDS);
		}
		this.camera.publishLive(image, jpeg, reducedJpeg, capturedAt);
	}

	private void backOff() {
		LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(this.backoffMillis));
		Thread.interrupted();
		this.backoffMillis = Math.min(this.backoffMillis * 2, MAX_BACKOFF_MILLIS);
	}

	private static String reason(Throwable ex) {
		String message = ex.getMessage();
		return (message == null || message.isBlank()) ? ex.getClass().getSimpleName() : message;
	}

}
