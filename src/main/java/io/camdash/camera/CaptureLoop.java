package io.camdash.camera;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.camdash.camera.source.EncodedFrameSource;
import io.camdash.camera.source.FrameSource;
import io.camdash.camera.source.FrameSourceFactory;
import io.camdash.camera.source.JpegSize;
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
 * A source that sends JPEG has its frames published as they came when nothing is drawn on
 * them (pass-through), and decoded only when something needs their pixels. When the
 * source fails it is closed and reopened: at once (no sooner than a frame interval after
 * it was last opened) if it gave frames, since some cameras close their connection after
 * every frame; with capped exponential backoff if it gave none. A failure is only
 * reported to the camera, which shows NO SIGNAL if no frame follows within its stall
 * timeout. Runs while its {@link CaptureLifecycle} says so.
 * <p>
 * A source whose video is H.264 is read as packets instead, decoded only while somebody
 * needs images (see {@link PacketCapture}).
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
		try {
			// Loaded in the background after start-up: the first camera may wait here.
			NativeLibraries.load(this.settings.source().usesFfmpeg());
		}
		catch (LinkageError | RuntimeException ex) {
			log.error("Camera '{}' cannot start: OpenCV or FFmpeg could not be loaded", this.camera.id(), ex);
			this.camera.sourceFailed("OpenCV or FFmpeg could not be loaded (see the log)");
			idleUntilStopped();
			return;
		}
		this.camera.nativesLoaded();
		StreamingProperties.Reduced reduced = this.reduced;
		try (JpegEncoder encoder = new JpegEncoder(this.settings.jpegQuality());
				ReducedFrameEncoder reducedEncoder = new ReducedFrameEncoder(reduced.maxWidth(), reduced.jpegQuality());
				Mat resized = new Mat()) {
			do {
				while (this.lifecycle.shouldRun()) {
					long opened = System.nanoTime();
					boolean gaveFrames = captureUntilFailure(encoder, reducedEncoder, resized);
					if (this.lifecycle.shouldRun()) {
						pauseBeforeReopening(gaveFrames, opened);
					}
				}
			}
			while (!this.lifecycle.captureEnding());
		}
	}

	/**
	 * Ends like a stopped capture, capturing nothing: the libraries will not load later.
	 */
	private void idleUntilStopped() {
		do {
			while (this.lifecycle.shouldRun()) {
				try {
					Thread.sleep(MAX_BACKOFF_MILLIS);
				}
				catch (InterruptedException ex) {
					Thread.interrupted();
				}
			}
		}
		while (!this.lifecycle.captureEnding());
	}

	/**
	 * Captures until the source fails or the capture should stop; whether it gave frames.
	 */
	private boolean captureUntilFailure(JpegEncoder encoder, ReducedFrameEncoder reducedEncoder, Mat resized) {
		boolean gaveFrames = false;
		try (FrameSource source = this.sources.create(this.settings.sourceSettings())) {
			source.open();
			PacketCapture packets = PacketCapture.of(this.camera, source);
			long interval = source.frameIntervalNanos();
			long due = System.nanoTime();
			EncodedFrameSource encoded = (packets == null && source instanceof EncodedFrameSource e
					&& e.givesEncodedFrames()) ? e : null;
			while (this.lifecycle.shouldRun()) {
				if (interval > 0) {
					due = pace(due, interval);
				}
				if (packets != null) {
					Mat image = packets.next();
					if (Thread.interrupted()) {
						throw new InterruptedException();
					}
					// Null: passed on without an image, as nobody needs one now.
					if (image != null) {
						publish(encoder, reducedEncoder, fitted(checked(image), resized));
					}
				}
				else if (encoded != null) {
					captureEncoded(encoded, encoder, reducedEncoder, resized);
				}
				else {
					Mat image = source.grab();
					if (Thread.interrupted()) {
						throw new InterruptedException();
					}
					publish(encoder, reducedEncoder, fitted(checked(image), resized));
				}
				gaveFrames = true;
			}
		}
		catch (InterruptedException ex) {
			// Stopped, or told by the watchdog that the source stalled: close it and see
			// which.
			Thread.interrupted();
		}
		catch (Exception | LinkageError ex) {
			if (this.lifecycle.shouldRun()) {
				this.camera.sourceFailed(reason(ex));
				log.debug("Camera '{}' source failure", this.camera.id(), ex);
			}
		}
		return gaveFrames;
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

	/**
	 * One frame of a source that sends encoded images. A JPEG that needs nothing drawn on
	 * it and has the camera's size is published as it came (pass-through), decoded only
	 * when reduced frames or a consumer need its pixels; anything else is decoded and
	 * goes the usual way.
	 */
	private void captureEncoded(EncodedFrameSource source, JpegEncoder encoder, ReducedFrameEncoder reducedEncoder,
			Mat resized) throws IOException, InterruptedException {
		byte[] bytes = source.grabEncoded();
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		JpegSize size = JpegSize.of(bytes);
		if (size == null || drawsOverlay() || !hasCameraSize(size)) {
			publish(encoder, reducedEncoder, fitted(checked(source.decode(bytes)), resized));
			return;
		}
		Instant capturedAt = Instant.now();
		boolean reducedWanted = this.camera.demand().wantsReducedFrames();
		Mat image = (reducedWanted || this.camera.consumersReadImages()) ? checked(source.decode(bytes)) : null;
		this.camera.metrics().framesCaptured.increment();
		byte[] reducedJpeg = (image != null && reducedWanted) ? encodeReduced(reducedEncoder, image) : null;
		this.camera.publishLive(image, bytes, reducedJpeg, capturedAt, size.width(), size.height(), true);
	}

	private boolean drawsOverlay() {
		return this.settings.overlay() && this.settings.source().kind() != SourceSpec.Kind.TEST_PATTERN;
	}

	private boolean hasCameraSize(JpegSize size) {
		int w = this.settings.width();
		int h = this.settings.height();
		return w <= 0 || h <= 0 || (size.width() == w && size.height() == h);
	}

	private static Mat checked(Mat image) {
		if (image == null || image.empty()) {
			throw new IllegalStateException("the source gave an empty image");
		}
		return image;
	}

	private void publish(JpegEncoder encoder, ReducedFrameEncoder reducedEncoder, Mat image) {
		Instant capturedAt = Instant.now();
		if (drawsOverlay()) {
			FramePainter.overlay(image, this.settings.name(), capturedAt);
		}
		CameraMetrics metrics = this.camera.metrics();
		long start = System.nanoTime();
		byte[] jpeg = encoder.encode(image);
		metrics.encodeTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		metrics.framesCaptured.increment();
		// Before publishing, so both sizes of a frame appear together; about a
		// millisecond at 720p.
		byte[] reducedJpeg = this.camera.demand().wantsReducedFrames() ? encodeReduced(reducedEncoder, image) : null;
		this.camera.publishLive(image, jpeg, reducedJpeg, capturedAt, image.cols(), image.rows(), false);
	}

	private byte[] encodeReduced(ReducedFrameEncoder reducedEncoder, Mat image) {
		long start = System.nanoTime();
		byte[] reducedJpeg = reducedEncoder.encode(image);
		this.camera.metrics().reducedEncodeTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		return reducedJpeg;
	}

	/**
	 * A source that gave frames is reopened at once, but not more often than the camera's
	 * fps; one that gave none waits longer after each attempt.
	 */
	private void pauseBeforeReopening(boolean gaveFrames, long opened) {
		long pause;
		if (gaveFrames) {
			this.backoffMillis = FIRST_BACKOFF_MILLIS;
			pause = opened + 1_000_000_000L / this.settings.fps() - System.nanoTime();
		}
		else {
			pause = TimeUnit.MILLISECONDS.toNanos(this.backoffMillis);
			this.backoffMillis = Math.min(this.backoffMillis * 2, MAX_BACKOFF_MILLIS);
		}
		if (pause > 0) {
			LockSupport.parkNanos(pause);
		}
		// Interrupted to stop: the loop sees it in the lifecycle's state.
		Thread.interrupted();
	}

	/** The failure in words; never a class name, which says nothing to a person. */
	private static String reason(Throwable ex) {
		String message = ex.getMessage();
		return (message == null || message.isBlank()) ? "the source failed (details in the debug log)" : message;
	}

}
