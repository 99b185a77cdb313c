package io.camdash.live;

import java.time.Instant;

import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that encodes a camera's images to H.264, apart from its capture thread
 * (which must never wait for video encoding). The capture thread leaves a copy of each
 * image here; the thread encodes the newest one, so when encoding falls behind it skips
 * images rather than queueing them. It runs from {@link #begin()} to {@link #end()}, and
 * closes the encoder as it ends.
 */
final class EncodingThread {

	private static final Logger log = LoggerFactory.getLogger(EncodingThread.class);

	private final LiveStream stream;

	private final String name;

	/**
	 * Guarded by this: the image waiting, and whether it is newer than the last one. Made
	 * by the first offer, on the capture thread: at start-up OpenCV is not loaded yet.
	 */
	private @Nullable Mat waiting;

	private boolean fresh;

	private Instant capturedAt = Instant.EPOCH;

	private boolean live;

	/** Guarded by this: the running thread, or null. */
	private Thread thread;

	EncodingThread(LiveStream stream, String name) {
		this.stream = stream;
		this.name = name;
	}

	synchronized void begin() {
		if (this.thread == null) {
			this.thread = new Thread(this::run, this.name);
			this.thread.setDaemon(true);
			this.thread.start();
		}
	}

	synchronized void end() {
		if (this.thread != null) {
			this.thread.interrupt();
			this.thread = null;
		}
	}

	/** On the capture thread: a copy of the image replaces any image still waiting. */
	synchronized void offer(Mat image, Instant at, boolean isLive) {
		if (this.thread == null) {
			return;
		}
		if (this.waiting == null) {
			this.waiting = new Mat();
		}
		image.copyTo(this.waiting);
		this.capturedAt = at;
		this.live = isLive;
		this.fresh = true;
		notifyAll();
	}

	private void run() {
		Thread self = Thread.currentThread();
		try (Mat working = new Mat()) {
			while (true) {
				Instant at;
				boolean isLive;
				synchronized (this) {
					while (!this.fresh && this.thread == self) {
						wait();
					}
					if (this.thread != self) {
						return;
					}
					this.waiting.copyTo(working);
					at = this.capturedAt;
					isLive = this.live;
					this.fresh = false;
				}
				try {
					this.stream.encode(working, at, isLive);
				}
				catch (RuntimeException ex) {
					log.warn("{}: encoding a frame failed: {}", this.name, ex.toString());
				}
			}
		}
		catch (InterruptedException ex) {
			// Ended: nobody watches any more.
		}
		finally {
			this.stream.closeEncoder();
		}
	}

}
