package io.camdash.motion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The last seconds of a camera's frames, kept in memory as the JPEGs the camera already
 * made, so a clip can start before the motion did. Bounded by time and by bytes, so a
 * camera of huge frames cannot take all memory. Used by one thread.
 */
final class PreRoll {

	private final Duration window;

	private final long maxBytes;

	private final ArrayDeque<ClipFrame> frames = new ArrayDeque<>();

	private long bytes;

	/**
	 * @param window how far back to keep
	 * @param maxBytes most JPEG bytes kept; older frames go first
	 */
	PreRoll(Duration window, long maxBytes) {
		this.window = window;
		this.maxBytes = maxBytes;
	}

	void add(ClipFrame frame) {
		this.frames.addLast(frame);
		this.bytes += frame.jpeg().length;
		Instant oldest = frame.capturedAt().minus(this.window);
		while (!this.frames.isEmpty()
				&& (this.bytes > this.maxBytes || this.frames.peekFirst().capturedAt().isBefore(oldest))) {
			this.bytes -= this.frames.removeFirst().jpeg().length;
		}
	}

	/** The frames kept from {@code from} on, oldest first. */
	List<ClipFrame> since(Instant from) {
		return this.frames.stream().filter((frame) -> !frame.capturedAt().isBefore(from)).toList();
	}

	void clear() {
		this.frames.clear();
		this.bytes = 0;
	}

	long bytes() {
		return this.bytes;
	}

}
