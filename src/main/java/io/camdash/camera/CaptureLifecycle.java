package io.camdash.camera;

import java.util.function.Supplier;

/**
 * Whether a camera's capture thread runs and whether it should: one {@link State},
 * changed only under this object's lock, in place of separate "wanted", "closed" and "has
 * a thread" flags whose combinations nobody could name. Reads need no lock (the field is
 * volatile); every transition takes it, and each race it settles is named where it is
 * settled.
 */
final class CaptureLifecycle {

	/** Where the capture of one camera is. */
	enum State {

		/** No capture thread. The next demand starts one. */
		IDLE,

		/** A capture thread runs and should go on. */
		RUNNING,

		/**
		 * A capture thread runs but was told to stop (idle, nobody watching). It ends
		 * unless demand comes back first, which turns it back to RUNNING: the same thread
		 * goes on.
		 */
		STOPPING,

		/**
		 * Closed while a capture thread still runs: the thread ends, and nothing starts
		 * the camera until it is reopened.
		 */
		CLOSING,

		/** Closed, no capture thread: nothing starts the camera until it is reopened. */
		CLOSED

	}

	private final String threadName;

	private final Supplier<Runnable> capture;

	private final Runnable onStart;

	private final Runnable onEnd;

	private volatile State state = State.IDLE;

	/** Guarded by this; set exactly while the state is RUNNING, STOPPING or CLOSING. */
	private Thread thread;

	/**
	 * @param threadName name of the capture thread
	 * @param capture makes the capture thread's body
	 * @param onStart run under the lock as a capture thread starts
	 * @param onEnd run under the lock as a capture thread ends
	 */
	CaptureLifecycle(String threadName, Supplier<Runnable> capture, Runnable onStart, Runnable onEnd) {
		this.threadName = threadName;
		this.capture = capture;
		this.onStart = onStart;
		this.onEnd = onEnd;
	}

	State state() {
		return this.state;
	}

	/** Demand: starts a capture thread, or keeps the one that was stopping. */
	synchronized void start() {
		switch (this.state) {
			case IDLE -> {
				this.state = State.RUNNING;
				this.onStart.run();
				this.thread = new Thread(this.capture.get(), this.threadName);
				this.thread.setDaemon(true);
				this.thread.start();
			}
			// Race: wanted again while the thread was told to stop. It goes on (see
			// captureEnding), so there is never a second thread on the same source.
			case STOPPING -> this.state = State.RUNNING;
			// Race: a viewer arriving while camdash shuts down starts nothing.
			case RUNNING, CLOSING, CLOSED -> {
			}
		}
	}

	/**
	 * No demand: the capture thread is told to end; false when it was told already (or
	 * there is none), so the caller says it once.
	 */
	synchronized boolean stop() {
		if (this.state != State.RUNNING) {
			return false;
		}
		this.state = State.STOPPING;
		this.thread.interrupt();
		return true;
	}

	/**
	 * Closes until {@link #reopen()}; returns the capture thread to wait for, or null.
	 */
	synchronized Thread close() {
		switch (this.state) {
			case IDLE -> this.state = State.CLOSED;
			case RUNNING, STOPPING -> {
				this.state = State.CLOSING;
				this.thread.interrupt();
			}
			case CLOSING, CLOSED -> {
			}
		}
		return this.thread;
	}

	/** Serves again after {@link #close()}: starts on the next demand. */
	synchronized void reopen() {
		switch (this.state) {
			case CLOSED -> this.state = State.IDLE;
			// Race: reopened before the old thread ended. It ends as if stopped, unless
			// demand comes first and keeps it.
			case CLOSING -> this.state = State.STOPPING;
			case IDLE, RUNNING, STOPPING -> {
			}
		}
	}

	/** Whether the capture thread should keep capturing; asked by that thread. */
	boolean shouldRun() {
		return this.state == State.RUNNING;
	}

	boolean isClosed() {
		State now = this.state;
		return now == State.CLOSING || now == State.CLOSED;
	}

	/** Whether a capture thread exists (running, stopping or closing). */
	synchronized boolean hasThread() {
		return this.thread != null;
	}

	/**
	 * Called by the capture thread when it is about to end; false when it must go on
	 * because it is RUNNING again.
	 */
	synchronized boolean captureEnding() {
		switch (this.state) {
			case RUNNING -> {
				return false;
			}
			case STOPPING -> this.state = State.IDLE;
			case CLOSING -> this.state = State.CLOSED;
			case IDLE, CLOSED -> throw new IllegalStateException("no capture thread in state " + this.state);
		}
		this.thread = null;
		this.onEnd.run();
		return true;
	}

	/** Interrupts a capture thread stuck in its source so it closes and reopens it. */
	synchronized void interruptCapture() {
		if (this.thread != null) {
			this.thread.interrupt();
		}
	}

	/**
	 * Runs the action under the lock if a capture thread exists. Race: a NO SIGNAL card
	 * painted while the camera stops is not kept by a camera that stopped meanwhile.
	 */
	synchronized boolean whileCapturing(Runnable action) {
		if (this.thread == null) {
			return false;
		}
		action.run();
		return true;
	}

}
