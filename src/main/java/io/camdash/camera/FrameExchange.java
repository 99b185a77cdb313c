package io.camdash.camera;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Hands the newest frame from the capture thread to any number of consumers. Nothing
 * queues: a consumer asks for the first frame newer than the one it has, so a slow one
 * skips frames and never holds memory or delays the capture thread.
 * <p>
 * Waiting consumers park on their own and are unparked one by one when a frame arrives. A
 * shared monitor with notifyAll would make a hundred viewers re-acquire one lock in turn
 * after every frame, a convoy of context switches that cost more CPU than sending the
 * frames.
 */
final class FrameExchange {

	private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();

	private final Object publishLock = new Object();

	private volatile LatestFrame latest;

	private long lastSequence;

	LatestFrame latest() {
		return this.latest;
	}

	/**
	 * Makes a frame the newest one and wakes its waiting consumers; {@code reducedJpeg}
	 * is its smaller version, or null.
	 */
	LatestFrame publish(byte[] jpeg, byte[] reducedJpeg, Instant capturedAt, int width, int height, boolean live) {
		ByteBuffer part = MjpegFormat.part(jpeg, capturedAt);
		ByteBuffer reducedPart = (reducedJpeg != null) ? MjpegFormat.part(reducedJpeg, capturedAt) : null;
		LatestFrame frame;
		synchronized (this.publishLock) {
			frame = new LatestFrame(jpeg, ++this.lastSequence, capturedAt, width, height, live, part, reducedPart);
			this.latest = frame;
		}
		for (Thread consumer : this.waiting) {
			LockSupport.unpark(consumer);
		}
		return frame;
	}

	/**
	 * Forgets the last frame so that nobody is served a stale image after the camera
	 * stops.
	 */
	void clear() {
		this.latest = null;
	}

	/**
	 * The newest frame whose sequence is above {@code sequence}, waiting up to
	 * {@code timeoutMillis} for one; null if none came.
	 */
	LatestFrame awaitNewer(long sequence, long timeoutMillis) throws InterruptedException {
		return awaitNewer(sequence, timeoutMillis, () -> false);
	}

	/**
	 * Like {@link #awaitNewer(long, long)}, but also returns null as soon as
	 * {@code wakeEarly} holds once the waiting thread is unparked.
	 */
	LatestFrame awaitNewer(long sequence, long timeoutMillis, BooleanSupplier wakeEarly) throws InterruptedException {
		LatestFrame frame = this.latest;
		if (frame != null && frame.sequence() > sequence) {
			return frame;
		}
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
		Thread self = Thread.currentThread();
		this.waiting.add(self);
		try {
			while (true) {
				// Checked after registering, so a frame published meanwhile is not
				// missed.
				frame = this.latest;
				if (frame != null && frame.sequence() > sequence) {
					return frame;
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0 || wakeEarly.getAsBoolean()) {
					return null;
				}
				LockSupport.parkNanos(this, remaining);
				if (Thread.interrupted()) {
					throw new InterruptedException();
				}
			}
		}
		finally {
			this.waiting.remove(self);
		}
	}

}
