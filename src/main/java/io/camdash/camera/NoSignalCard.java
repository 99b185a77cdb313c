package io.camdash.camera;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;

/**
 * The NO SIGNAL card a camera shows while its source is down: painted with the reason and
 * the time, encoded, and published again about once a second so viewers see the clock
 * move.
 */
final class NoSignalCard {

	private static final long REPEAT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final String cameraName;

	private final int jpegQuality;

	/** One card at a time: the capture thread and the watchdog may both show one. */
	private final Object lock = new Object();

	private volatile long lastNanos;

	NoSignalCard(String cameraName, int jpegQuality) {
		this.cameraName = cameraName;
		this.jpegQuality = jpegQuality;
	}

	/** Paints a card of the given size and hands it to the target. */
	void show(int width, int height, @Nullable String reason, Target target) {
		synchronized (this.lock) {
			Instant now = Instant.now();
			try (Mat card = FramePainter.noSignal(width, height, this.cameraName, now, reason);
					JpegEncoder encoder = new JpegEncoder(this.jpegQuality)) {
				target.publish(card, encoder.encode(card), now);
			}
			this.lastNanos = System.nanoTime();
		}
	}

	/** Whether the last card is a second old, so the next one is due. */
	boolean isDue(long now) {
		return now - this.lastNanos >= REPEAT_NANOS;
	}

	/** What is done with a fresh card. */
	interface Target {

		void publish(Mat card, byte[] jpeg, Instant paintedAt);

	}

}
