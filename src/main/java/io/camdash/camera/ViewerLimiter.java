package io.camdash.camera;

import java.util.concurrent.Semaphore;

/** Caps concurrent MJPEG viewers over all cameras, so the next one gets a clear 503 rather than a hang. */
final class ViewerLimiter {

	private final int limit;

	private final Semaphore permits;

	ViewerLimiter(int limit) {
		this.limit = limit;
		this.permits = new Semaphore(limit);
	}

	boolean tryAcquire() {
		return this.permits.tryAcquire();
	}

	void release() {
		this.permits.release();
	}

	int limit() {
		return this.limit;
	}

}
