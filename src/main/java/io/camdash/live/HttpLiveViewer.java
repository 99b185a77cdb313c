package io.camdash.live;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * An H.264 viewer taking one fragmented MP4 file that never ends: {@code stream.mp4} on
 * plain HTTP (for ffmpeg, VLC and recorders), and the feed of a publisher
 * ({@link Mp4Feed}). Its thread takes what the queue gives it, blocking on a slow
 * connection while the queue skips to keyframes once {@code viewer-buffer} is full (never
 * by delay alone: a recording should have every frame). A stream cannot change size
 * mid-file, so it ends when the camera's does.
 */
final class HttpLiveViewer extends LiveViewer {

	private static final long IDLE_WAIT_MILLIS = 1000;

	private final Object signal = new Object();

	/** Guarded by signal. */
	private boolean woken;

	/** Guarded by this: the first init segment's size. */
	private InitSegment first;

	/** Only the thread taking segments uses it. */
	private boolean initSent;

	private final Runnable closeConnection;

	private final boolean audio;

	/**
	 * @param audio whether to take the stream's audio track too
	 * @param closeConnection closes the connection under a blocked write, which then
	 * fails
	 */
	HttpLiveViewer(LiveProperties properties, Duration writeTimeout, LiveMetrics metrics, boolean audio,
			Runnable closeConnection) {
		// Recorders read stream.mp4: a pause of theirs (ffmpeg probing its input) must
		// not
		// cut a second out of the file, so only a full buffer makes it skip.
		super(properties, null, writeTimeout, metrics);
		this.closeConnection = closeConnection;
		this.audio = audio;
	}

	@Override
	synchronized boolean accepts(InitSegment init) {
		if (this.first == null) {
			this.first = init;
			return true;
		}
		return this.first.width() == init.width() && this.first.height() == init.height()
				&& this.first.codecs(this.audio).equals(init.codecs(this.audio));
	}

	@Override
	boolean wantsAudio() {
		return this.audio;
	}

	@Override
	void wake() {
		synchronized (this.signal) {
			this.woken = true;
			this.signal.notifyAll();
		}
	}

	@Override
	void end(String reason) {
		markEnded();
		wake();
	}

	@Override
	void abort() {
		this.closeConnection.run();
		wake();
	}

	/**
	 * Writes segments until the viewer ends or its connection fails (an
	 * {@link IOException}).
	 */
	void writeTo(OutputStream out) throws IOException, InterruptedException {
		byte[] segment;
		while ((segment = nextSegment()) != null) {
			out.write(segment);
			out.flush();
		}
	}

	/**
	 * The next segment's bytes, waiting for it: the init segment first, then fragments;
	 * null once the viewer ended.
	 */
	byte @Nullable [] nextSegment() throws InterruptedException {
		while (!isEnded()) {
			Object next = poll();
			if (next == null) {
				awaitWake();
			}
			else if (next instanceof InitSegment init && !this.initSent) {
				this.initSent = true;
				return init.bytes(this.audio);
			}
			else if (next instanceof Fragment fragment) {
				return fragment.bytes();
			}
			// Else the same init segment again (the encoder restarted): one moov per
			// file.
		}
		return null;
	}

	private void awaitWake() throws InterruptedException {
		synchronized (this.signal) {
			if (!this.woken) {
				this.signal.wait(IDLE_WAIT_MILLIS);
			}
			this.woken = false;
		}
	}

}
