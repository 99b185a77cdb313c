package io.camdash.camera;

/**
 * Chooses, for one viewer, full or reduced frames, from how many of its frames the viewer
 * took. A viewer whose socket has not taken its previous frame skips the new one; one
 * that skips most of them over a whole window cannot keep up, and gets reduced frames.
 * Once it kept up with those for {@code retryAfter} it tries full size again; if it falls
 * behind again soon after, it waits twice as long before the next try. Times are passed
 * in (nanoTime) so the rules are tested without clocks. Used by the broadcaster's thread
 * only.
 */
final class FrameSizeChooser {

	/**
	 * A viewer that took less than this share of its frames over a window cannot keep up.
	 */
	static final double FALLING_BEHIND = 0.5;

	/** A viewer on reduced frames that took at least this share keeps up with them. */
	static final double KEEPING_UP = 0.9;

	/**
	 * A window lasts until it has seen this many frames too, so a 1 fps camera is not
	 * judged on two frames.
	 */
	static final int MIN_FRAMES = 8;

	/**
	 * The wait before trying full size again grows up to this many times
	 * {@code retryAfter}.
	 */
	static final int MAX_RETRY_FACTOR = 8;

	/** What a judgement changed. */
	enum Change {

		NONE, TO_REDUCED, TO_FULL

	}

	private final boolean automatic;

	private final long windowNanos;

	private final long retryNanos;

	/**
	 * A viewer capped with ?fps= is due at most one frame per this interval; 0 when not
	 * capped.
	 */
	private final long minIntervalNanos;

	private boolean reduced;

	private long windowStart;

	private long lastSequence;

	private int offered;

	private int taken;

	private double lastShare = 1;

	private long retryDelayNanos;

	/**
	 * When the current run of windows kept up with reduced frames began; -1 when not
	 * keeping up.
	 */
	private long keepingUpSince = -1;

	/** When full size was last tried again; -1 when it never was since the last fall. */
	private long triedFullAt = -1;

	private FrameSizeChooser(boolean automatic, boolean reduced, long windowNanos, long retryNanos,
			long minIntervalNanos, long now) {
		this.automatic = automatic;
		this.reduced = reduced;
		this.windowNanos = windowNanos;
		this.retryNanos = retryNanos;
		this.retryDelayNanos = retryNanos;
		this.minIntervalNanos = minIntervalNanos;
		this.windowStart = now;
	}

	/** Starts on full frames and switches by itself. */
	static FrameSizeChooser automatic(StreamingProperties.Reduced settings, long minIntervalNanos, long now) {
		return new FrameSizeChooser(true, false, settings.window().toNanos(), settings.retryAfter().toNanos(),
				minIntervalNanos, now);
	}

	/** Always full, or always reduced frames. */
	static FrameSizeChooser fixed(boolean reduced) {
		return new FrameSizeChooser(false, reduced, 0, 0, 0, 0);
	}

	boolean reduced() {
		return this.reduced;
	}

	/** The share of its frames the viewer took in the last window judged. */
	double lastShare() {
		return this.lastShare;
	}

	/** How long a viewer on reduced frames must now keep up before it tries full size. */
	long retryDelayNanos() {
		return this.retryDelayNanos;
	}

	/**
	 * Notes that a frame was offered to the viewer, and whether it took it; judges the
	 * viewer at the end of each window.
	 */
	Change offered(long sequence, boolean took, long now) {
		if (!this.automatic) {
			return Change.NONE;
		}
		// A frame it could not take is offered again when its socket drains: count each
		// frame once.
		if (sequence > this.lastSequence) {
			this.lastSequence = sequence;
			this.offered++;
		}
		if (took) {
			this.taken++;
		}
		long elapsed = now - this.windowStart;
		if (elapsed < this.windowNanos || this.offered < MIN_FRAMES) {
			return Change.NONE;
		}
		long due = this.offered;
		if (this.minIntervalNanos > 0) {
			// It asked for fewer frames than the camera makes: judged against its own
			// rate.
			due = Math.max(1, Math.min(due, elapsed / this.minIntervalNanos));
		}
		this.lastShare = Math.min(1.0, (double) this.taken / due);
		long started = this.windowStart;
		this.windowStart = now;
		this.offered = 0;
		this.taken = 0;
		return this.reduced ? judgeReduced(started, now) : judgeFull(now);
	}

	private Change judgeFull(long now) {
		if (this.lastShare >= FALLING_BEHIND) {
			return Change.NONE;
		}
		boolean failedRetry = this.triedFullAt >= 0 && now - this.triedFullAt < this.retryDelayNanos;
		this.retryDelayNanos = failedRetry ? Math.min(this.retryDelayNanos * 2, this.retryNanos * MAX_RETRY_FACTOR)
				: this.retryNanos;
		this.triedFullAt = -1;
		this.keepingUpSince = -1;
		this.reduced = true;
		return Change.TO_REDUCED;
	}

	private Change judgeReduced(long windowStarted, long now) {
		if (this.lastShare < KEEPING_UP) {
			this.keepingUpSince = -1;
			return Change.NONE;
		}
		if (this.keepingUpSince < 0) {
			this.keepingUpSince = windowStarted;
		}
		if (now - this.keepingUpSince < this.retryDelayNanos) {
			return Change.NONE;
		}
		this.keepingUpSince = -1;
		this.triedFullAt = now;
		this.reduced = false;
		return Change.TO_FULL;
	}

}
