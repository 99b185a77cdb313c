package io.camdash.camera;

/**
 * Frames per second of a camera, counted over windows of a second. Counted by the capture
 * thread only; read by anyone.
 */
final class FpsMeter {

	private static final long WINDOW_NANOS = 1_000_000_000L;

	private volatile double fps;

	private long windowStart;

	private int windowFrames;

	/** A frame was captured at {@code now} (nanoTime). */
	void count(long now) {
		if (now - this.windowStart >= WINDOW_NANOS) {
			this.fps = this.windowFrames * 1e9 / Math.max(1, now - this.windowStart);
			this.windowStart = now;
			this.windowFrames = 0;
		}
		this.windowFrames++;
	}

	/** No frames are coming (no signal, or stopped). */
	void reset() {
		this.fps = 0;
	}

	/** The rate measured over the last full window, to one decimal. */
	double fps() {
		return Math.round(this.fps * 10) / 10.0;
	}

}
