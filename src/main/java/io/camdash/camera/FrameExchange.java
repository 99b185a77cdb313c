package io.camdash.camera;

import java.time.Instant;

/**
 * Hands the newest frame from the capture thread to any number of consumers. Nothing queues: a consumer
 * asks for the first frame newer than the one it has, so a slow one skips frames and never holds memory
 * or delays the capture thread.
 */
final class FrameExchange {

	private final Object monitor = new Object();

	private volatile LatestFrame latest;

	private long lastSequence;

	LatestFrame latest() {
		return this.latest;
	}

	/** Makes a frame the newest one and wakes its waiting consumers. */
	LatestFrame publish(byte[] jpeg, Instant capturedAt, int width, int height, boolean live) {
		byte[] part = MjpegFormat.part(jpeg, capturedAt);
		synchronized (this.monitor) {
			LatestFrame frame = new LatestFrame(jpeg, ++this.lastSequence, capturedAt, width, height, live, part);
			this.latest = frame;
			this.monitor.notifyAll();
			return frame;
		}
	}

	/** Forgets the last frame so that nobody is served a stale image after the camera stops. */
	void clear() {
		this.latest = null;
	}

	/**
	 * The newest frame whose sequence is above {@code sequence}, waiting up to {@code timeoutMillis} for one;
	 * null if none came.
	 */
	LatestFrame awaitNewer(long sequence, long timeoutMillis) throws InterruptedException {
		LatestFrame frame = this.latest;
		if (frame != null && frame.sequence() > sequence) {
			return frame;
		}
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
		synchronized (this.monitor) {
			while (true) {
				frame = this.latest;
				if (frame != null && frame.sequence() > sequence) {
					return frame;
				}
				long remaining = (deadline - System.nanoTime()) / 1_000_000L;
				if (remaining <= 0) {
					return null;
				}
				this.monitor.wait(remaining);
			}
		}
	}

}
