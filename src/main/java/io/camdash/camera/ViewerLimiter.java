package io.camdash.camera;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * Caps concurrent MJPEG viewers over all cameras, and per client address so that one
 * client cannot take every place, so the next one gets a clear 503 rather than a hang.
 */
final class ViewerLimiter {

	private final int limit;

	private final int perAddress;

	private final Semaphore permits;

	/** Places held per client address; an address holding none has no entry. */
	private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();

	ViewerLimiter(int limit, int perAddress) {
		this.limit = limit;
		this.perAddress = perAddress;
		this.permits = new Semaphore(limit);
	}

	/**
	 * A place for one viewer from this address, or null when all places, or all of this
	 * address's, are taken.
	 */
	@Nullable Permit tryAcquire(String address) {
		if (!this.permits.tryAcquire()) {
			return null;
		}
		boolean[] taken = new boolean[1];
		this.byAddress.compute(address, (key, held) -> {
			int now = (held != null) ? held : 0;
			if (now >= this.perAddress) {
				return held;
			}
			taken[0] = true;
			return now + 1;
		});
		if (!taken[0]) {
			this.permits.release();
			return null;
		}
		return new Permit(address);
	}

	int limit() {
		return this.limit;
	}

	int perAddress() {
		return this.perAddress;
	}

	int available() {
		return this.permits.availablePermits();
	}

	/** Whether this address holds all the places one address may hold. */
	boolean addressFull(String address) {
		Integer held = this.byAddress.get(address);
		return held != null && held >= this.perAddress;
	}

	/**
	 * One viewer's place. Released when the viewer leaves and again when its request
	 * completes, whichever comes first counts: a stream whose body never ran (its task
	 * refused) must not keep its place forever.
	 */
	final class Permit {

		private final String address;

		private final AtomicBoolean released = new AtomicBoolean();

		private Permit(String address) {
			this.address = address;
		}

		void release() {
			if (this.released.compareAndSet(false, true)) {
				ViewerLimiter.this.byAddress.computeIfPresent(this.address,
						(key, held) -> (held > 1) ? held - 1 : null);
				ViewerLimiter.this.permits.release();
			}
		}

	}

}
