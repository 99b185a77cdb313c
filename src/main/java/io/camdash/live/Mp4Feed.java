package io.camdash.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A camera's live H.264 as one fragmented MP4 byte stream, for a consumer inside camdash
 * (a publisher remuxing it to a media server): the init segment, then one fragment per
 * frame, as {@code stream.mp4} sends them. While it is open the camera runs and its H.264
 * is made (passed through or encoded once, shared with every viewer). A reader that falls
 * a whole buffer behind skips to the next keyframe; one that takes nothing for
 * {@code camdash.streaming.write-timeout} is cut off. Either way the stream ends
 * ({@code read} returns -1), and the consumer opens a new feed.
 */
public final class Mp4Feed extends InputStream {

	private final LiveStream stream;

	private final HttpLiveViewer viewer;

	private byte @Nullable [] segment;

	private int position;

	private volatile boolean closed;

	Mp4Feed(LiveStream stream, LiveProperties properties, Duration writeTimeout) {
		this.stream = stream;
		// Video only: publishing remuxes the video alone.
		this.viewer = new HttpLiveViewer(properties, writeTimeout, stream.metrics(), false, this::cutOff);
		stream.join(this.viewer);
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (this.segment == null || this.position == this.segment.length) {
			if (this.closed) {
				return -1;
			}
			try {
				this.segment = this.viewer.nextSegment();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while waiting for the camera's next frame");
			}
			this.position = 0;
			if (this.segment == null) {
				return -1;
			}
		}
		int count = Math.min(length, this.segment.length - this.position);
		System.arraycopy(this.segment, this.position, buffer, offset, count);
		this.position += count;
		return count;
	}

	/**
	 * The camera's frames per second: an MP4 carries no frame rate, and a demuxer that
	 * guesses one from the first few fragments may take the track's 90 kHz clock for it.
	 */
	public int frameRate() {
		return Math.max(1, this.stream.camera().settings().fps());
	}

	/** The reader stopped taking segments: end the stream under it. */
	private void cutOff() {
		this.closed = true;
		this.viewer.markEnded();
	}

	@Override
	public void close() {
		this.closed = true;
		this.viewer.markEnded();
		this.viewer.wake();
		this.stream.leave(this.viewer);
	}

}
