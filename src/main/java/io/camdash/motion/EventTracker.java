package io.camdash.motion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns the detector's frame-by-frame verdicts into events: an event starts once motion
 * was seen in {@code minFrames} examined frames in a row (its start is the first of
 * them), goes on while motion comes back within the cool-down, and ends a cool-down after
 * the last motion (its end is that last motion). Pure logic on the frames' capture times,
 * so it is tested without clocks. Used by one thread.
 */
final class EventTracker {

	/** Where the tracker is; one field, every transition in {@link #update}. */
	enum State {

		/** No motion, or too little of it so far. */
		QUIET,

		/** Motion in the last frames, fewer than {@code minFrames} in a row. */
		RISING,

		/** An event is open. */
		ACTIVE

	}

	/** What a frame did to the event. */
	enum Change {

		NONE, STARTED, ENDED

	}

	private final int minFrames;

	private final Duration coolDown;

	private State state = State.QUIET;

	private int run;

	private Instant firstMotion;

	private Instant lastMotion;

	private double peak;

	private List<Detection.Box> peakBoxes = List.of();

	private boolean newPeak;

	EventTracker(int minFrames, Duration coolDown) {
		this.minFrames = minFrames;
		this.coolDown = coolDown;
	}

	/** Takes one examined frame, captured at {@code at}. */
	Change update(Instant at, Detection detection) {
		this.newPeak = false;
		boolean motion = detection.motion();
		switch (this.state) {
			case QUIET, RISING -> {
				if (!motion) {
					reset();
					return Change.NONE;
				}
				if (this.state == State.QUIET) {
					this.state = State.RISING;
					this.firstMotion = at;
					this.run = 0;
					this.peak = 0;
					this.peakBoxes = List.of();
				}
				this.run++;
				this.lastMotion = at;
				notePeak(detection);
				if (this.run >= this.minFrames) {
					this.state = State.ACTIVE;
					return Change.STARTED;
				}
				return Change.NONE;
			}
			case ACTIVE -> {
				if (motion) {
					this.lastMotion = at;
					notePeak(detection);
					return Change.NONE;
				}
				return tick(at);
			}
		}
		return Change.NONE;
	}

	/**
	 * Time passes without an examined frame (the camera is lost, say): ends an open event
	 * once its cool-down is over.
	 */
	Change tick(Instant now) {
		if (this.state == State.ACTIVE && !now.isBefore(this.lastMotion.plus(this.coolDown))) {
			reset();
			return Change.ENDED;
		}
		return Change.NONE;
	}

	/** Ends an open event now (camera lost, camdash stopping); true if there was one. */
	boolean endNow() {
		boolean active = this.state == State.ACTIVE;
		reset();
		return active;
	}

	private void notePeak(Detection detection) {
		if (detection.amount() > this.peak) {
			this.peak = detection.amount();
			this.peakBoxes = detection.boxes();
			this.newPeak = true;
		}
	}

	/** Back to quiet; the last event's times and peak stay readable until the next. */
	private void reset() {
		this.state = State.QUIET;
		this.run = 0;
	}

	State state() {
		return this.state;
	}

	/** Whether the last frame had more motion than any before it in this event. */
	boolean newPeak() {
		return this.newPeak;
	}

	/** First motion frame of the current (or just ended) event. */
	Instant firstMotion() {
		return this.firstMotion;
	}

	/** Last motion frame of the current (or just ended) event. */
	Instant lastMotion() {
		return this.lastMotion;
	}

	/** Largest share of the frame moving so far in the current event. */
	double peak() {
		return this.peak;
	}

	List<Detection.Box> peakBoxes() {
		return this.peakBoxes;
	}

}
