package io.camdash.camera;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;
import org.springframework.web.context.request.async.WebAsyncUtils;

/**
 * Caps concurrent viewers (MJPEG and H.264) over all cameras, so the next one gets a
 * clear 503 rather than a hang.
 */
public final class ViewerLimiter {

	private final int limit;

	private final Semaphore permits;

	ViewerLimiter(int limit) {
		this.limit = limit;
		this.permits = new Semaphore(limit);
	}

	/** A place for one viewer, or null when all are taken. */
	public Permit tryAcquire() {
		return this.permits.tryAcquire() ? new Permit() : null;
	}

	public int limit() {
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
	public final class Permit {

		private final AtomicBoolean released = new AtomicBoolean();

		public void release() {
			if (this.released.compareAndSet(false, true)) {
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
