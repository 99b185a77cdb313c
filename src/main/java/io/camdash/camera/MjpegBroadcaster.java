package io.camdash.camera;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.camdash.camera.source.H264Track;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a camera's frames to all its MJPEG viewers from one thread. Each viewer's socket
 * is written without blocking, so a slow viewer only misses frames; and one thread doing
 * a hundred writes per frame costs far less than a hundred threads woken per frame (on a
 * 2-core machine the context switches cost more CPU than the writes). All writes happen
 * on this thread; the container only reports sockets that drained, and those viewers get
 * the newest frame at once.
 * <p>
 * It is attached to its camera as a {@link FrameConsumer} while it has viewers: the
 * capture thread only wakes the sender, which then reads the camera's newest frame.
 */
final class MjpegBroadcaster implements FrameConsumer {

	private static final Logger log = LoggerFactory.getLogger(MjpegBroadcaster.class);

	private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Camera camera;

	private final Set<MjpegViewer> viewers = ConcurrentHashMap.newKeySet();

	private final Queue<MjpegViewer> writable = new ConcurrentLinkedQueue<>();

	/**
	 * Written under this object's lock: set exactly while a sender thread serves the
	 * viewers and the broadcaster is attached to the camera.
	 */
	private volatile Thread sender;

	MjpegBroadcaster(Camera camera) {
		this.camera = camera;
	}

	Camera camera() {
		return this.camera;
	}

	synchronized void join(MjpegViewer viewer) {
		this.viewers.add(viewer);
		if (this.sender == null) {
			this.sender = new Thread(this::run, "camdash-send-" + this.camera.id());
			this.sender.setDaemon(true);
			this.camera.attach(this);
			this.sender.start();
		}
	}

	void leave(MjpegViewer viewer) {
		this.viewers.remove(viewer);
	}

	/** Called by the container when a viewer's socket can take data again. */
	void writable(MjpegViewer viewer) {
		this.writable.add(viewer);
		wakeSender();
	}

	@Override
	public void frame(@Nullable Mat image, LatestFrame frame) {
		wakeSender();
	}

	/** Viewers get the shared JPEG parts. */
	@Override
	public Reads reads(@Nullable H264Track track) {
		return Reads.JPEG;
	}

	/** Ends every viewer's stream: the camera is closing. */
	@Override
	public void cameraClosing() {
		for (MjpegViewer viewer : this.viewers) {
			viewer.end();
		}
	}

	private void wakeSender() {
		Thread thread = this.sender;
		if (thread != null) {
			LockSupport.unpark(thread);
		}
	}

	private void run() {
		long sequence = this.camera.sequenceBeforeFirstFrame();
		try {
			while (!stopIfAlone()) {
				LatestFrame frame = awaitNewer(sequence);
				if (frame != null) {
					sequence = frame.sequence();
					for (MjpegViewer viewer : this.viewers) {
						offer(viewer, frame);
					}
				}
				MjpegViewer drained;
				while ((drained = this.writable.poll()) != null) {
					offer(drained, this.camera.latest());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.error("Sending frames of camera '{}' failed", this.camera.id(), ex);
		}
		finally {
			// However the sender ends, the next viewer must find none and start one.
			release();
		}
	}

	/**
	 * The camera's newest frame once it is newer than {@code sequence}; null after a
	 * second without one, or as soon as a viewer's socket drained.
	 */
	private LatestFrame awaitNewer(long sequence) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT_NANOS;
		while (true) {
			// Checked after each wake-up, so a frame published meanwhile is not missed.
			LatestFrame frame = this.camera.latest();
			if (frame != null && frame.sequence() > sequence) {
				return frame;
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0 || !this.writable.isEmpty()) {
				return null;
			}
			LockSupport.parkNanos(this, remaining);
			if (Thread.interrupted()) {
				throw new InterruptedException();
			}
		}
	}

	/** One viewer's failure must never stop the others' video. */
	private void offer(MjpegViewer viewer, LatestFrame frame) {
		try {
			viewer.offer(frame);
		}
		catch (RuntimeException ex) {
			log.warn("Dropping a viewer of camera '{}': {}", this.camera.id(), ex.toString());
			this.viewers.remove(viewer);
		}
	}

	/**
	 * Ends the sender once nobody watches; decided under the lock so a joining viewer is
	 * never left alone.
	 */
	private synchronized boolean stopIfAlone() {
		if (this.viewers.isEmpty() || this.camera.isClosed()) {
			release();
			return true;
		}
		return false;
	}

	/** Called by the sender as it ends: no sender any more, and no demand from it. */
	private synchronized void release() {
		if (this.sender == Thread.currentThread()) {
			this.sender = null;
			this.writable.clear();
			this.camera.detach(this);
		}
	}

}
