package io.camdash.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One H.264 viewer's queue: the segments waiting for its connection, bounded so it stays
 * live. The stream offers every fragment (under the stream's lock, so this never blocks);
 * a viewer whose oldest waiting fragment is older than its maximum delay, or that has
 * more than {@code viewer-buffer} waiting, drops what waits and resumes at the next
 * keyframe. The subclass sends what {@link #poll()} gives it, on its own schedule. A
 * connection that takes nothing for {@code camdash.streaming.write-timeout} while
 * something waits (a client that stopped reading) is aborted, so it keeps no place.
 */
abstract class LiveViewer {

	private final ArrayDeque<Queued> queue = new ArrayDeque<>();

	private final long maxDelayNanos;

	private final long maxBytes;

	private final LiveMetrics metrics;

	private final long writeTimeoutNanos;

	/**
	 * Guarded by this: since when something has waited with nothing taken, or 0 when the
	 * sender is keeping up.
	 */
	private long waitingSinceNanos;

	/** Guarded by this. */
	private long queuedBytes;

	/** Guarded by this: fragments are dropped until a keyframe comes. */
	private boolean waitingForKeyframe = true;

	/** Guarded by this: an init segment was queued, so fragments may follow. */
	private boolean started;

	/** Guarded by this. */
	private boolean ended;

	/**
	 * @param maxDelay how long a fragment may wait before the viewer skips to the next
	 * keyframe, or null to skip only when {@code viewer-buffer} is full (a recorder wants
	 * every frame more than the newest one)
	 */
	LiveViewer(LiveProperties properties, @Nullable Duration maxDelay, Duration writeTimeout, LiveMetrics metrics) {
		this.writeTimeoutNanos = writeTimeout.toNanos();
		this.maxDelayNanos = (maxDelay != null) ? maxDelay.toNanos() : Long.MAX_VALUE;
		this.maxBytes = properties.viewerBuffer().toBytes();
		this.metrics = metrics;
	}

	/**
	 * Starts the viewer, or restarts it on a new stream (another size): the init segment,
	 * then the fragments since the last keyframe so the picture appears at once.
	 */
	final void start(InitSegment init, List<Fragment> sinceKeyframe) {
		synchronized (this) {
			if (this.ended) {
				return;
			}
			if (accepts(init)) {
				dropFragments();
				queue(new Queued(init, init.bytes().length, System.nanoTime()));
				this.started = true;
				this.waitingForKeyframe = true;
				for (Fragment fragment : sinceKeyframe) {
					queueFragment(fragment);
				}
			}
			else {
				this.ended = true;
			}
		}
		wake();
	}

	/** A new fragment for this viewer (or skipped, if it is behind). */
	final void offer(Fragment fragment) {
		boolean stalled;
		synchronized (this) {
			if (this.ended || !this.started) {
				return;
			}
			stalled = isStalled();
			if (stalled) {
				markEnded();
			}
			else if (!queueFragment(fragment)) {
				return;
			}
		}
		if (stalled) {
			abort();
		}
		else {
			wake();
		}
	}

	private boolean isStalled() {
		return this.waitingSinceNanos != 0 && System.nanoTime() - this.waitingSinceNanos > this.writeTimeoutNanos;
	}

	private boolean queueFragment(Fragment fragment) {
		if (fragment.audio() && !wantsAudio()) {
			return false;
		}
		int size = fragment.bytes().length;
		if (!this.waitingForKeyframe && isBehind(size)) {
			dropFragments();
			this.waitingForKeyframe = true;
			this.metrics.keyframeSkips.increment();
		}
		if (this.waitingForKeyframe) {
			if (!fragment.keyframe()) {
				return false;
			}
			this.waitingForKeyframe = false;
		}
		queue(new Queued(fragment, size, System.nanoTime()));
		return true;
	}

	private void queue(Queued queued) {
		this.queue.add(queued);
		this.queuedBytes += queued.size();
		if (this.waitingSinceNanos == 0) {
			this.waitingSinceNanos = queued.queuedNanos();
		}
	}

	private boolean isBehind(int size) {
		Queued oldest = this.queue.peek();
		return this.queuedBytes + size > this.maxBytes
				|| (oldest != null && System.nanoTime() - oldest.queuedNanos() > this.maxDelayNanos);
	}

	/** Drops the fragments waiting; init segments stay (a player needs them). */
	private void dropFragments() {
		Iterator<Queued> waiting = this.queue.iterator();
		while (waiting.hasNext()) {
			Queued queued = waiting.next();
			if (queued.segment() instanceof Fragment) {
				waiting.remove();
				this.queuedBytes -= queued.size();
			}
		}
	}

	/**
	 * The next segment to send ({@link InitSegment} or {@link Fragment}), or null when
	 * none waits.
	 */
	final synchronized @Nullable Object poll() {
		Queued queued = this.queue.poll();
		if (queued == null) {
			return null;
		}
		// The sender takes the next segment only once the last one was written.
		this.waitingSinceNanos = this.queue.isEmpty() ? 0 : System.nanoTime();
		this.queuedBytes -= queued.size();
		if (queued.segment() instanceof Fragment) {
			this.metrics.bytesSent.increment(queued.size());
		}
		return queued.segment();
	}

	/** Stops queueing: the connection is gone or the stream ends. */
	final synchronized void markEnded() {
		this.ended = true;
		this.queue.clear();
		this.queuedBytes = 0;
	}

	final synchronized boolean isEnded() {
		return this.ended;
	}

	/**
	 * Whether this viewer can play a stream starting with this init segment; one that
	 * cannot is told why (by the subclass) and ends.
	 */
	abstract boolean accepts(InitSegment init);

	/**
	 * Whether this viewer takes the audio track, decided as it accepts an init segment;
	 * called under this object's lock.
	 */
	abstract boolean wantsAudio();

	/** Something was queued: send it when the connection allows. Never blocks. */
	abstract void wake();

	/** Ends the viewer's connection with a reason a person can read. */
	abstract void end(String reason);

	/**
	 * Drops the connection of a client that stopped reading: nothing can be said to it
	 * any more. Never blocks.
	 */
	abstract void abort();

	private record Queued(Object segment, int size, long queuedNanos) {
	}

}
