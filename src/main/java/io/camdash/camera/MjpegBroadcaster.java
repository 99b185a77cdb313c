package io.camdash.camera;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a camera's frames to all its MJPEG viewers from one thread. Each viewer's socket
 * is written without blocking, so a slow viewer only misses frames; and one thread doing
 * a hundred writes per frame costs far less than a hundred threads woken per frame (on a
 * 2-core machine the context switches cost more CPU than the writes). All writes happen
 * on this thread; the container only reports sockets that drained, and those viewers get
 * the newest frame at once.
 */
final class MjpegBroadcaster {

	private static final Logger log = LoggerFactory.getLogger(MjpegBroadcaster.class);

	private static final long WAIT_MILLIS = 1000;

	private final Camera camera;

	private final Set<MjpegViewer> viewers = ConcurrentHashMap.newKeySet();

	private final Queue<MjpegViewer> writable = new ConcurrentLinkedQueue<>();

	/** Guarded by this. */
	private Thread sender;

	MjpegBroadcaster(Camera camera) {
		this.camera = camera;
	}

	synchronized void join(MjpegViewer viewer) {
		this.viewers.add(viewer);
		if (this.sender == null) {
			this.sender = new Thread(this::run, "camdash-send-" + this.camera.id());
			this.sender.setDaemon(true);
			this.sender.start();
		}
	}

	void leave(MjpegViewer viewer) {
		this.viewers.remove(viewer);
	}

	/** Ends every viewer's stream: the camera is closing. */
	void endAll() {
		for (MjpegViewer viewer : this.viewers) {
			viewer.end();
		}
	}

	/** Called by the container when a viewer's socket can take data again. */
	void writable(MjpegViewer viewer) {
		this.writable.add(viewer);
		Thread thread;
		synchronized (this) {
			thread = this.sender;
		}
		if (thread != null) {
			LockSupport.unpark(thread);
		}
	}

	private void run() {
		long sequence = this.camera.sequenceBeforeFirstFrame();
		try {
			while (!stopIfAlone()) {
				LatestFrame frame = this.camera.awaitNewer(sequence, WAIT_MILLIS, () -> !this.writable.isEmpty());
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
			synchronized (this) {
				this.sender = null;
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
			this.sender = null;
			this.writable.clear();
			return true;
		}
		return false;
	}

}
