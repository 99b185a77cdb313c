package io.camdash.camera;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who wants a camera's frames: its MJPEG viewers (and, of those, the ones on reduced
 * frames), and when anybody last asked. The camera stops once nobody has asked for
 * {@code idle-timeout}; attached {@link FrameConsumer}s are counted by the camera.
 */
final class Demand {

	private final AtomicInteger viewers = new AtomicInteger();

	/**
	 * Viewers getting reduced frames now: while there is one, the capture thread encodes
	 * them.
	 */
	private final AtomicInteger reducedViewers = new AtomicInteger();

	private volatile long lastNanos = System.nanoTime();

	/** When somebody last asked for a still image (0: never). */
	private volatile long imageWantedNanos;

	/** Somebody asked for a frame now. */
	void touch() {
		this.lastNanos = System.nanoTime();
	}

	/** Somebody wants a still image now (a snapshot, a photo). */
	void wantImage() {
		long now = System.nanoTime();
		this.imageWantedNanos = (now == 0) ? 1 : now;
		this.lastNanos = now;
	}

	/**
	 * Whether images are needed: an MJPEG viewer watches, or a still was asked for within
	 * the timeout (stills are often polled).
	 */
	boolean wantsImages(Duration timeout, long now) {
		long wanted = this.imageWantedNanos;
		return this.viewers.get() > 0 || (wanted != 0 && now - wanted <= timeout.toNanos());
	}

	void addViewer() {
		this.viewers.incrementAndGet();
		touch();
	}

	void removeViewer() {
		this.viewers.decrementAndGet();
		touch();
	}

	void addReducedViewer() {
		this.reducedViewers.incrementAndGet();
	}

	void removeReducedViewer() {
		this.reducedViewers.decrementAndGet();
	}

	/**
	 * Whether the capture thread should encode reduced frames too: only while some viewer
	 * gets them.
	 */
	boolean wantsReducedFrames() {
		return this.reducedViewers.get() > 0;
	}

	int viewers() {
		return this.viewers.get();
	}

	int reducedViewers() {
		return this.reducedViewers.get();
	}

	/** Whether no viewer watches and nobody asked for longer than the timeout. */
	boolean idleFor(Duration timeout, long now) {
		return this.viewers.get() == 0 && now - this.lastNanos > timeout.toNanos();
	}

}
