package io.camdash.motion;

import java.time.Instant;

/**
 * A camera frame kept for a clip: only the shared JPEG and its time (no copy is made).
 *
 * @param jpeg the frame as JPEG, never written to
 * @param capturedAt when it was captured
 * @param width width in pixels
 * @param height height in pixels
 */
record ClipFrame(byte[] jpeg, Instant capturedAt, int width, int height) implements ClipItem {

	@Override
	public int size() {
		return this.jpeg.length;
	}

}
