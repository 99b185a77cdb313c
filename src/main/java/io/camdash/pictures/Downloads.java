package io.camdash.pictures;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Zip downloads in progress: a thread pool of their own (never the streams'), and limits
 * per user and per client address, so one client cannot hold every download thread. A
 * download admitted always gets a thread: the limits admit at most the pool's size.
 */
@Component
class Downloads implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Downloads.class);

	private final DownloadProperties limits;

	private final ThreadPoolExecutor threads;

	private final Map<String, Integer> byUser = new HashMap<>();

	private final Map<String, Integer> byAddress = new HashMap<>();

	private int total;

	Downloads(DownloadProperties limits) {
		this.limits = limits;
		AtomicInteger count = new AtomicInteger();
		this.threads = new ThreadPoolExecutor(0, limits.maxConcurrent(), limits.threadKeepAlive().toMillis(),
				TimeUnit.MILLISECONDS, new SynchronousQueue<>(), (task) -> {
					Thread thread = new Thread(task, "camdash-download-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	ThreadPoolExecutor threads() {
		return this.threads;
	}

	/**
	 * A place for one download, or null with the refusal logged when this user, this
	 * address or the server has as many as allowed.
	 */
	synchronized @Nullable Permit tryStart(String user, String address) {
		String refusal = null;
		if (this.byUser.getOrDefault(user, 0) >= this.limits.perUser()) {
			refusal = "user '" + user + "' has " + this.limits.perUser();
		}
		else if (this.byAddress.getOrDefault(address, 0) >= this.limits.perAddress()) {
			refusal = address + " has " + this.limits.perAddress();
		}
		else if (this.total >= this.limits.maxConcurrent()) {
			refusal = "the server has " + this.limits.maxConcurrent();
		}
		if (refusal != null) {
			log.info("Refused a zip download from {}: {} running already", address, refusal);
			return null;
		}
		this.byUser.merge(user, 1, Integer::sum);
		this.byAddress.merge(address, 1, Integer::sum);
		this.total++;
		return new Permit(user, address);
	}

	private synchronized void finished(String user, String address) {
		this.byUser.computeIfPresent(user, (key, n) -> (n > 1) ? n - 1 : null);
		this.byAddress.computeIfPresent(address, (key, n) -> (n > 1) ? n - 1 : null);
		this.total--;
	}

	@Override
	public void destroy() {
		this.threads.shutdownNow();
	}

	/** One download's place, given back once however the download ends. */
	final class Permit {

		private final String user;

		private final String address;

		private final AtomicBoolean released = new AtomicBoolean();

		private Permit(String user, String address) {
			this.user = user;
			this.address = address;
		}

		void release() {
			if (this.released.compareAndSet(false, true)) {
				finished(this.user, this.address);
			}
		}

	}

}
