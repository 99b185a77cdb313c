package io.camdash.settings.cameras;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camdash.camera.CameraSettings;
import io.camdash.camera.JpegEncoder;
import io.camdash.camera.NativeLibraries;
import io.camdash.camera.source.FrameSource;
import io.camdash.camera.source.FrameSourceFactory;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The settings' "Test" button: opens a camera's source as the camera would, grabs one
 * frame and closes it, or says in camdash's words why not. One trial at a time in the
 * whole server (a second one is told to wait), and each bounded in time: a source that
 * does not answer is given up after {@link #TIMEOUT}, its thread interrupted; until that
 * thread let go of the source no other trial starts, so no client can pile up open
 * sources.
 */
@Component
class SourceTrial {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(SourceTrial.class);

	private final Semaphore running = new Semaphore(1);

	private final FrameSourceFactory sources;

	SourceTrial(FrameSourceFactory sources) {
		this.sources = sources;
	}

	/** One frame of the camera's source as a JPEG, or why there is none. */
	Result grabOne(CameraSettings camera) throws InterruptedException {
		if (!this.running.tryAcquire()) {
			return Result.failed("Another test is still running; try again in a moment.");
		}
		FutureTask<byte[]> grab = new FutureTask<>(() -> {
			try {
				return grab(camera);
			}
			finally {
				this.running.release();
			}
		});
		Thread thread = new Thread(grab, "camdash-source-test");
		thread.setDaemon(true);
		thread.start();
		try {
			return Result.frame(grab.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			thread.interrupt();
			return Result.failed("No frame within " + TIMEOUT.toSeconds() + " s.");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			log.debug("Testing the source of camera '{}' failed", camera.id(), cause);
			String message = (cause != null) ? cause.getMessage() : null;
			return Result.failed((message == null || message.isBlank() || cause instanceof LinkageError)
					? "The source failed (details in the debug log)." : message);
		}
	}

	private byte[] grab(CameraSettings camera) throws Exception {
		NativeLibraries.load(camera.source().usesFfmpeg());
		try (FrameSource source = this.sources.create(camera.sourceSettings());
				JpegEncoder encoder = new JpegEncoder(camera.jpegQuality())) {
			source.open();
			Mat image = source.grab();
			if (image == null || image.empty()) {
				throw new IllegalStateException("the source gave an empty frame");
			}
			return encoder.encode(image);
		}
	}

	/**
	 * A trial's outcome: the frame as a {@code data:} URL for an image element, or the
	 * reason there is none.
	 */
	record Result(@Nullable String image, @Nullable String problem) {

		static Result frame(byte[] jpeg) {
			return new Result("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg), null);
		}

		static Result failed(String problem) {
			return new Result(null, problem);
		}

	}

}
