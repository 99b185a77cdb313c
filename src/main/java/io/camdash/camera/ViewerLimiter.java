package io.camdash.camera;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;
import org.springframework.web.context.request.async.WebAsyncUtils;

/**
 * Caps concurrent viewers (MJPEG and H.264) over all cameras, and per client address so
 * that one client cannot take every place, so the next one gets a clear 503 rather than a
 * hang.
 */
public final class ViewerLimiter {

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
	public @Nullable Permit tryAcquire(String address) {
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

	/** Why a viewer from this address was refused, in words for the 503. */
	public String refusal(String address) {
		if (addressFull(address)) {
			return "Too many viewers from your address: camdash serves at most " + this.perAddress
					+ " streams at once to one address";
		}
		return "Too many viewers: camdash serves at most " + this.limit + " streams at once";
	}

	public int available() {
		return this.permits.availablePermits();
	}

	/** Whether this address holds all the places one address may hold. */
	private boolean addressFull(String address) {
		Integer held = this.byAddress.get(address);
		return held != null && held >= this.perAddress;
	}

	/**
	 * One viewer's place. Released when the viewer leaves and again when its request
	 * completes, whichever comes first counts: a stream whose body never ran (its task
	 * refused) must not keep its place forever.
	 */
	public final class Permit {

		private final String address;

		private final AtomicBoolean released = new AtomicBoolean();

		private Permit(String address) {
			this.address = address;
		}

		public void release() {
			if (this.released.compareAndSet(false, true)) {
				ViewerLimiter.this.byAddress.computeIfPresent(this.address,
						(key, held) -> (held > 1) ? held - 1 : null);
				ViewerLimiter.this.permits.release();
			}
		}

		/**
		 * However the request ends (even if its streaming body never runs), this place is
		 * given back.
		 */
		public void releaseWhenCompleted(HttpServletRequest request) {
			WebAsyncUtils.getAsyncManager(request)
				.registerCallableInterceptor(ViewerLimiter.class, new CallableProcessingInterceptor() {

					@Override
					public <T> void afterCompletion(NativeWebRequest webRequest, Callable<T> task) {
						release();
					}

				});
		}

	}

}
