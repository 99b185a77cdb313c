package io.camdash.camera.source;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * The newest frame read from a program's output, handed from the thread that reads it to
 * the capture thread. One place, never a queue: a frame not taken before the next one
 * arrives is dropped. Once the output ends, the capture thread gets the reason after the
 * last frame.
 */
final class FrameHandoff {

	private byte @Nullable [] frame;

	private @Nullable String endReason;

	/** Called by the reading thread: the newest frame replaces one not yet taken. */
	synchronized void put(byte[] next) {
		this.frame = next;
		notifyAll();
	}

	/** Called by the reading thread when the output ended, with why. */
	synchronized void end(String reason) {
		if (this.endReason == null) {
			this.endReason = reason;
		}
		notifyAll();
	}

	/**
	 * The next frame, waiting for it as long as it takes; the capture thread is
	 * interrupted to stop waiting (the camera's watchdog does that for a stalled source).
	 * @throws IOException with the reason once the output ended
	 */
	synchronized byte[] take() throws IOException, InterruptedException {
		while (this.frame == null) {
			if (this.endReason != null) {
				throw new IOException(this.endReason);
			}
			wait();
		}
		byte[] next = this.frame;
		this.frame = null;
		return next;
	}

}
