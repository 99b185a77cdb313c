package io.camdash.camera;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * One MJPEG viewer. Its response is written without blocking by the camera's
 * {@link MjpegBroadcaster}, through its {@link ViewerConnection}: each frame goes out as
 * one precomputed part if the previous one has left, and is skipped otherwise, so nothing
 * queues for a slow viewer. When the socket drains the newest frame is sent at once. A
 * viewer that keeps skipping most frames gets the smaller reduced ones instead (its
 * {@link FrameSizeChooser} decides), which stay fresh on a slow link. The stream thread
 * only holds the response open until the viewer leaves.
 * <p>
 * Longer than most classes: its {@link State} moves with three threads (the stream
 * thread, the broadcaster's and the connection's callbacks), and its one write path, the
 * skipping and the choice of frame size are kept beside those transitions so the order in
 * which they happen can be read in one place.
 */
final class MjpegViewer implements StreamingResponseBody, ViewerConnection.Listener {

	private static final Logger log = LoggerFactory.getLogger(MjpegViewer.class);

	/** Where a viewer's stream is; it only moves down this list. */
	enum State {

		/** The response headers are not out yet: nothing may be written. */
		OPENING,

		/**
		 * Joined the broadcaster; the next part written carries the stream's preamble.
		 */
		FIRST_FRAME,

		/** Parts are flowing. */
		STREAMING,

		/**
		 * Left, failed, or ended by the server: nothing is written any more, and the
		 * stream thread completes the response.
		 */
		ENDED

	}

	private final Camera camera;

	private final MjpegBroadcaster broadcaster;

	private final ViewerLimiter.Permit permit;

	private final HttpServletResponse response;

	private final long minIntervalNanos;

	private final long writeTimeoutNanos;

	private final FrameSizeChooser size;

	private final ViewerConnection connection;

	private final AtomicReference<State> state = new AtomicReference<>(State.OPENING);

	private final CountDownLatch ended = new CountDownLatch(1);

	/** Used by the broadcaster's thread only, as are the fields below. */
	private long sentSequence;

	private long nextDueNanos;

	/** When the last part started to leave. */
	private long lastWriteNanos;

	MjpegViewer(Camera camera, MjpegBroadcaster broadcaster, ViewerLimiter.Permit permit, HttpServletResponse response,
			long minIntervalNanos, long writeTimeoutNanos, FrameSizeChooser size, ViewerConnection connection) {
		this.camera = camera;
		this.broadcaster = broadcaster;
		this.permit = permit;
		this.response = response;
		this.minIntervalNanos = minIntervalNanos;
		this.writeTimeoutNanos = writeTimeoutNanos;
		this.size = size;
		this.connection = connection;
	}

	/**
	 * The shortest time between two frames of a viewer that asked for at most
	 * {@code maxFps}; 0 for no cap.
	 */
	static long minIntervalNanos(@Nullable Integer maxFps) {
		return (maxFps != null) ? 1_000_000_000L / maxFps : 0;
	}

	State state() {
		return this.state.get();
	}

	@Override
	public void writeTo(OutputStream ignored) throws IOException {
		this.camera.addViewer();
		try {
			if (this.size.reduced()) {
				useReducedFrames(true);
			}
			this.sentSequence = this.camera.sequenceBeforeFirstFrame();
			this.lastWriteNanos = System.nanoTime();
			this.connection.open(this.response, this);
			if (this.state.compareAndSet(State.OPENING, State.FIRST_FRAME)) {
				// Joined first, then reported writable: the broadcaster sends the current
				// frame at once.
				this.broadcaster.join(this);
				this.broadcaster.writable(this);
			}
			while (!this.ended.await(1, TimeUnit.SECONDS)) {
				if (this.camera.isClosed()) {
					break;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			// Under the lock of offer(): once this returns, nothing writes to the
			// response any more.
			synchronized (this) {
				end();
				if (this.size.reduced()) {
					this.camera.demand().removeReducedViewer();
				}
			}
			this.broadcaster.leave(this);
			this.camera.removeViewer();
			this.permit.release();
		}
	}

	/**
	 * Sends the frame if this viewer has not had it and its previous frame has left; else
	 * skips it. Called on the broadcaster's thread only; locked against the end of the
	 * response in writeTo (the container's callbacks never take this lock, so a container
	 * thread never waits for a write).
	 */
	synchronized void offer(@Nullable LatestFrame frame) {
		State now = this.state.get();
		if (frame == null || (now != State.FIRST_FRAME && now != State.STREAMING)) {
			return;
		}
		try {
			long nanos = System.nanoTime();
			boolean sent = send(frame, now == State.FIRST_FRAME, nanos);
			judge(frame.sequence(), sent, nanos);
		}
		catch (IOException | RuntimeException ex) {
			// Also a response the container already finished (its stream gone): this
			// viewer has left.
			failed(ex);
		}
	}

	/**
	 * Writes the frame if the viewer has not had it, is due one, and took the previous
	 * one; true if written.
	 */
	private boolean send(LatestFrame frame, boolean first, long now) throws IOException {
		if (frame.sequence() <= this.sentSequence || (this.minIntervalNanos > 0 && now - this.nextDueNanos < 0)) {
			return false;
		}
		// Not ready: the previous frame is still leaving. This one is skipped; a drained
		// socket is reported. A client that stopped reading keeps no place and no thread:
		// Jetty's idle timeout does not reach a write pending on a stream.
		if (!this.connection.isReady()) {
			if (now - this.lastWriteNanos > this.writeTimeoutNanos) {
				drop();
			}
			return false;
		}
		boolean reduced = this.size.reduced() && frame.reducedPart() != null;
		ByteBuffer part = reduced ? frame.reducedPart() : frame.mjpegPart();
		this.connection.write(first ? withPreamble(part) : part.duplicate());
		if (first) {
			this.state.compareAndSet(State.FIRST_FRAME, State.STREAMING);
		}
		countSent(frame.sequence(), first, reduced);
		this.sentSequence = frame.sequence();
		this.nextDueNanos = now + this.minIntervalNanos;
		this.lastWriteNanos = now;
		return true;
	}

	/** Lets the chooser judge whether this viewer keeps up, and applies its verdict. */
	private void judge(long sequence, boolean sent, long now) {
		FrameSizeChooser.Change change = this.size.offered(sequence, sent, now);
		if (change == FrameSizeChooser.Change.NONE) {
			return;
		}
		boolean reduced = change == FrameSizeChooser.Change.TO_REDUCED;
		useReducedFrames(reduced);
		if (log.isDebugEnabled()) {
			long percent = Math.round(this.size.lastShare() * 100);
			if (reduced) {
				log.debug("Viewer of camera '{}' took {}% of its frames: reduced frames from now on", this.camera.id(),
						percent);
			}
			else {
				log.debug("Viewer of camera '{}' kept up with reduced frames ({}%): full size again", this.camera.id(),
						percent);
			}
		}
	}

	private void useReducedFrames(boolean reduced) {
		if (reduced) {
			this.camera.demand().addReducedViewer();
		}
		else {
			this.camera.demand().removeReducedViewer();
		}
		this.connection.sizeFor(reduced);
	}

	private static ByteBuffer withPreamble(ByteBuffer part) {
		ByteBuffer first = ByteBuffer.allocate(MjpegFormat.PREAMBLE.length + part.remaining());
		first.put(MjpegFormat.PREAMBLE).put(part.duplicate()).flip();
		return first;
	}

	@Override
	public void writable() {
		this.broadcaster.writable(this);
	}

	/** The viewer went away: an expected end, not an error. */
	@Override
	public void failed(Throwable ex) {
		if (this.state.getAndSet(State.ENDED) != State.ENDED) {
			log.debug("Viewer of camera '{}' disconnected: {}", this.camera.id(), ex.toString());
			this.ended.countDown();
		}
	}

	/** The client took nothing for the write timeout: its connection is closed. */
	private void drop() {
		if (this.state.getAndSet(State.ENDED) != State.ENDED) {
			log.debug("Viewer of camera '{}' took nothing for {} ms: dropped", this.camera.id(),
					TimeUnit.NANOSECONDS.toMillis(this.writeTimeoutNanos));
			this.connection.abort();
			this.ended.countDown();
		}
	}

	/**
	 * Ends the stream from the server's side: its thread completes the response at once.
	 */
	void end() {
		this.state.set(State.ENDED);
		this.ended.countDown();
	}

	private void countSent(long sequence, boolean first, boolean reduced) {
		CameraMetrics metrics = this.camera.metrics();
		metrics.framesSent.increment();
		if (reduced) {
			metrics.reducedFramesSent.increment();
		}
		if (!first && this.sentSequence > 0 && sequence > this.sentSequence + 1) {
			metrics.framesSkipped.increment(sequence - this.sentSequence - 1);
		}
	}

}
