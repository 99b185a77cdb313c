package io.camdash.camera;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * One MJPEG viewer. Its response is written without blocking by the camera's
 * {@link MjpegBroadcaster}: each frame goes out as one precomputed part if the previous
 * one has left, and is skipped otherwise, so nothing queues for a slow viewer. When the
 * socket drains the newest frame is sent at once. A viewer that keeps skipping most
 * frames gets the smaller reduced ones instead (its {@link FrameSizeChooser} decides),
 * which stay fresh on a slow link. The stream thread only holds the response open until
 * the viewer leaves.
 */
final class MjpegViewer implements StreamingResponseBody, WriteListener {

	private static final Logger log = LoggerFactory.getLogger(MjpegViewer.class);

	private static final int WRITE_SIZE = 128 * 1024;

	private final Camera camera;

	private final ViewerLimiter.Permit permit;

	private final HttpServletResponse response;

	private final long minIntervalNanos;

	private final FrameSizeChooser size;

	private final ViewerConnection connection;

	private final CountDownLatch finished = new CountDownLatch(1);

	private final WriteDone written = new WriteDone();

	/**
	 * Set before the viewer joins the broadcaster; then used by the broadcaster's thread
	 * only.
	 */
	private volatile ServletOutputStream out;

	private long sentSequence;

	private boolean started;

	private long nextDueNanos;

	MjpegViewer(Camera camera, ViewerLimiter.Permit permit, HttpServletResponse response, long minIntervalNanos,
			FrameSizeChooser size, ViewerConnection connection) {
		this.camera = camera;
		this.permit = permit;
		this.response = response;
		this.minIntervalNanos = minIntervalNanos;
		this.size = size;
		this.connection = connection;
	}

	/**
	 * The shortest time between two frames of a viewer that asked for at most
	 * {@code maxFps}; 0 for no cap.
	 */
	static long minIntervalNanos(Integer maxFps) {
		return (maxFps != null) ? 1_000_000_000L / maxFps : 0;
	}

	@Override
	public void writeTo(OutputStream ignored) throws IOException {
		this.camera.addViewer();
		try {
			if (this.size.reduced()) {
				useReducedFrames(true);
			}
			this.sentSequence = this.camera.sequenceBeforeFirstFrame();
			// Through the servlet stream: larger than a frame, so Jetty writes each part
			// at once, not in 32 KB slices.
			this.response.setBufferSize(WRITE_SIZE);
			this.out = containerStream(this.response);
			if (this.connection.writesDirectly()) {
				this.camera.broadcaster().join(this);
				this.camera.broadcaster().writable(this);
			}
			else {
				// From here writes never block; the container calls onWritePossible at
				// once, which has the
				// broadcaster send the current frame. Only then does the viewer join the
				// frames sent to all.
				this.out.setWriteListener(this);
				this.camera.broadcaster().join(this);
			}
			while (!this.finished.await(1, TimeUnit.SECONDS)) {
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
				this.finished.countDown();
				if (this.size.reduced()) {
					this.camera.removeReducedViewer();
				}
			}
			this.camera.broadcaster().leave(this);
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
	synchronized void offer(LatestFrame frame) {
		if (this.out == null || this.finished.getCount() == 0 || frame == null) {
			return;
		}
		try {
			long now = System.nanoTime();
			boolean sent = send(frame, now);
			judge(frame.sequence(), sent, now);
		}
		catch (IOException | RuntimeException ex) {
			// Also a response the container already finished (its stream gone): this
			// viewer has left.
			leave(ex);
		}
	}

	/**
	 * Writes the frame if the viewer has not had it, is due one, and took the previous
	 * one; true if written.
	 */
	private boolean send(LatestFrame frame, long now) throws IOException {
		if (frame.sequence() <= this.sentSequence || (this.minIntervalNanos > 0 && now - this.nextDueNanos < 0)) {
			return false;
		}
		// Not ready: the previous frame is still leaving. This one is skipped; a drained
		// socket is reported.
		if (this.connection.writesDirectly() ? !this.written.ready : !this.out.isReady()) {
			return false;
		}
		boolean reduced = this.size.reduced() && frame.reducedPart() != null;
		ByteBuffer part = reduced ? frame.reducedPart() : frame.mjpegPart();
		ByteBuffer bytes = this.started ? part.duplicate() : withPreamble(part);
		if (this.connection.writesDirectly()) {
			this.written.ready = false;
			this.written.inline = true;
			this.connection.write(bytes, this.written);
			this.written.inline = false;
		}
		else {
			// Jetty sends the part at once, straight from the shared buffer (no
			// aggregation, so no flush).
			this.out.write(bytes);
		}
		this.started = true;
		countSent(frame.sequence(), reduced);
		this.sentSequence = frame.sequence();
		this.nextDueNanos = now + this.minIntervalNanos;
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
			this.camera.addReducedViewer();
		}
		else {
			this.camera.removeReducedViewer();
		}
		this.connection.sizeFor(reduced);
	}

	private static ByteBuffer withPreamble(ByteBuffer part) {
		ByteBuffer first = ByteBuffer.allocate(MjpegFormat.PREAMBLE.length + part.remaining());
		first.put(MjpegFormat.PREAMBLE).put(part.duplicate()).flip();
		return first;
	}

	/**
	 * The container's own stream under any filter's wrappers: they do not pass
	 * {@code write(ByteBuffer)} on, and would copy every frame into a new array. The
	 * headers are committed through the wrappers first, so the security headers they add
	 * are sent.
	 */
	private static ServletOutputStream containerStream(ServletResponse response) throws IOException {
		response.flushBuffer();
		ServletResponse inner = response;
		while (inner instanceof ServletResponseWrapper wrapper) {
			inner = wrapper.getResponse();
		}
		return inner.getOutputStream();
	}

	@Override
	public void onWritePossible() {
		this.camera.broadcaster().writable(this);
	}

	@Override
	public void onError(Throwable ex) {
		leave(ex);
	}

	/**
	 * Ends the stream from the server's side: its thread completes the response at once.
	 */
	void end() {
		this.finished.countDown();
	}

	/** The viewer went away: an expected end, not an error. */
	private void leave(Throwable ex) {
		if (this.finished.getCount() > 0) {
			log.debug("Viewer of camera '{}' disconnected: {}", this.camera.id(), ex.toString());
			this.finished.countDown();
		}
	}

	private void countSent(long sequence, boolean reduced) {
		CameraMetrics metrics = this.camera.metrics();
		metrics.framesSent.increment();
		if (reduced) {
			metrics.reducedFramesSent.increment();
		}
		if (this.started && this.sentSequence > 0 && sequence > this.sentSequence + 1) {
			metrics.framesSkipped.increment(sequence - this.sentSequence - 1);
		}
	}

	/**
	 * Hears when a frame written to the connection has left; runs on whichever thread
	 * finished the write.
	 */
	private final class WriteDone implements Callback {

		private volatile boolean ready = true;

		/**
		 * True while the broadcaster is in the write call: a write that finishes there
		 * needs no report.
		 */
		private volatile boolean inline;

		@Override
		public void succeeded() {
			this.ready = true;
			// A write Jetty finished later, when the socket drained: send the newest
			// frame now. (Should it
			// finish while the write call is still returning, the next camera frame goes
			// out as usual.)
			if (!this.inline) {
				MjpegViewer.this.camera.broadcaster().writable(MjpegViewer.this);
			}
		}

		@Override
		public void failed(Throwable ex) {
			leave(ex);
		}

		@Override
		public InvocationType getInvocationType() {
			return InvocationType.NON_BLOCKING;
		}

	}

}
