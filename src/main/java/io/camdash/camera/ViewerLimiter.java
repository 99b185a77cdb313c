package io.camdash.camera;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Caps concurrent MJPEG viewers over all cameras, so the next one gets a clear 503 rather
 * than a hang.
 */
final class ViewerLimiter {

	private final int limit;

	private final Semaphore permits;

	ViewerLimiter(int limit) {
		this.limit = limit;
		this.permits = new Semaphore(limit);
	}

	/** A place for one viewer, or null when all are taken. */
	Permit tryAcquire() {
		return this.permits.tryAcquire() ? new Permit() : null;
	}

	int limit() {
		return this.limit;
	}

	int available() {
		return this.permits.availablePermits();
	}

	/**
	 * One viewer's place. Released when the viewer leaves and again when its request
	 * completes, whichever comes first counts: a stream whose body never ran (its task
	 * refused) must not keep its place forever.
	 */
	final class Permit {

		private final AtomicBoolean released = new AtomicBoolean();

		void release() {
			if (this.released.compareAndSet(false, true)) {
				ViewerLimiter.this.permits.release();
			}
		}

	}

}
