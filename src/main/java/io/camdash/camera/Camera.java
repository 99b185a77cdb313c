package io.camdash.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured camera at run time: when it captures (on demand, until idle), its newest
 * frame, and whether its source is healthy. The capture itself runs in
 * {@link CaptureLoop} on a thread of its own.
 */
public final class Camera {

	private static final Logger log = LoggerFactory.getLogger(Camera.class);

	private static final long NO_SIGNAL_REPEAT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final CameraSettings settings;

	private final FrameSourceFactory sources;

	private final StreamingProperties.Reduced reducedFrames;

	private final CameraMetrics metrics;

	private final FrameExchange frames = new FrameExchange();

	private final MjpegBroadcaster broadcaster = new MjpegBroadcaster(this);

	private final AtomicInteger viewers = new AtomicInteger();

	/**
	 * Viewers getting reduced frames now: while there is one, the capture thread encodes
	 * them.
	 */
	private final AtomicInteger reducedViewers = new AtomicInteger();

	private final Object noSignalLock = new Object();

	private volatile CameraState state = CameraState.IDLE;

	private volatile String problem;

	private volatile long lastDemandNanos = System.nanoTime();

	private volatile long startedNanos;

	private volatile long lastLiveNanos;

	private volatile long lastNoSignalNanos;

	private volatile int width;

	private volatile int height;

	private volatile double fps;

	private long fpsWindowStart;

	private int fpsWindowFrames;

	/** Guarded by this: the capture thread, and whether it should keep running. */
	private Thread captureThread;

	private boolean wanted;

	private volatile boolean closed;

	Camera(CameraSettings settings, StreamingProperties.Reduced reducedFrames, FrameSourceFactory sources,
			MeterRegistry meterRegistry) {
		this.settings = settings;
		this.reducedFrames = reducedFrames;
		this.sources = sources;
		this.metrics = new CameraMetrics(meterRegistry, settings.id(), this.viewers::get, this.reducedViewers::get);
		this.width = (settings.width() > 0) ? settings.width() : TestPatternSource.DEFAULT_WIDTH;
		this.height = (settings.height() > 0) ? settings.height() : TestPatternSource.DEFAULT_HEIGHT;
	}

	public String id() {
		return this.settings.id();
	}

	public String name() {
		return this.settings.name();
	}

	public CameraSettings settings() {
		return this.settings;
	}

	public CameraState state() {
		return this.state;
	}

	/** Why the camera has no signal, or null while it is fine. */
	public String problem() {
		return this.problem;
	}

	public LatestFrame latest() {
		return this.frames.latest();
	}

	public int viewerCount() {
		return this.viewers.get();
	}

	/** Viewers that get reduced frames now. */
	public int reducedViewerCount() {
		return this.reducedViewers.get();
	}

	public CameraStatus status() {
		LatestFrame frame = latest();
		return new CameraStatus(id(), name(), this.settings.source().describe(), this.state, this.problem,
				Math.round(this.fps * 10) / 10.0, this.width, this.height, this.viewers.get(),
				this.reducedViewers.get(), (frame != null) ? frame.ageMillis() : null);
	}

	/** Size and quality of the reduced frames. */
	StreamingProperties.Reduced reducedFrames() {
		return this.reducedFrames;
	}

	CameraMetrics metrics() {
		return this.metrics;
	}

	MjpegBroadcaster broadcaster() {
		return this.broadcaster;
	}

	// ---- demand ----

	/** A viewer arrives: the camera runs for as long as it has one. */
	void addViewer() {
		this.viewers.incrementAndGet();
		touch();
		start();
	}

	void removeViewer() {
		this.viewers.decrementAndGet();
		touch();
	}

	/** A viewer starts getting reduced frames. */
	void addReducedViewer() {
		this.reducedViewers.incrementAndGet();
	}

	/** A viewer stops getting reduced frames: back to full size, or gone. */
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

	private void touch() {
		this.lastDemandNanos = System.nanoTime();
	}

	/**
	 * The newest good camera frame, starting the camera if idle and waiting up to
	 * {@code timeout} for its first frame; null if none came (no signal).
	 */
	public LatestFrame awaitLiveFrame(Duration timeout) throws InterruptedException {
		touch();
		start();
		long deadline = System.nanoTime() + timeout.toNanos();
		LatestFrame frame = latest();
		while (true) {
			if (frame != null && frame.live() && isFresh(frame)) {
				return frame;
			}
			long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (remaining <= 0) {
				return null;
			}
			LatestFrame newer = this.frames.awaitNewer((frame != null) ? frame.sequence() : 0, remaining);
			frame = (newer != null) ? newer : frame;
			touch();
		}
	}

	/**
	 * Like {@link #awaitLiveFrame} but a camera without signal is a
	 * {@link NoSignalException} (503).
	 */
	public LatestFrame requireLiveFrame(Duration timeout) throws InterruptedException {
		LatestFrame frame = awaitLiveFrame(timeout);
		if (frame == null) {
			throw new NoSignalException(this, timeout);
		}
		return frame;
	}

	/**
	 * A new viewer starts after this sequence: the latest frame if it is current, else
	 * the next one.
	 */
	long sequenceBeforeFirstFrame() {
		LatestFrame frame = latest();
		if (frame == null) {
			return 0;
		}
		return isFresh(frame) ? frame.sequence() - 1 : frame.sequence();
	}

	LatestFrame awaitNewer(long sequence, long timeoutMillis, BooleanSupplier wakeEarly) throws InterruptedException {
		return this.frames.awaitNewer(sequence, timeoutMillis, wakeEarly);
	}

	private boolean isFresh(LatestFrame frame) {
		return frame.ageMillis() <= this.settings.stallTimeout().toMillis();
	}

	// ---- lifecycle ----

	synchronized void start() {
		if (this.closed) {
			return;
		}
		this.wanted = true;
		if (this.captureThread == null) {
			this.startedNanos = System.nanoTime();
			this.state = CameraState.STARTING;
			this.captureThread = new Thread(new CaptureLoop(this, this.sources), "camdash-capture-" + id());
			this.captureThread.setDaemon(true);
			this.captureThread.start();
			log.info("Camera '{}' starting ({})", id(), this.settings.source().describe());
		}
	}

	synchronized void stop() {
		this.wanted = false;
		if (this.captureThread != null) {
			this.captureThread.interrupt();
		}
	}

	/**
	 * Stops until reopened and ends its streams, waiting a moment for the capture thread
	 * to release its source.
	 */
	void close() throws InterruptedException {
		Thread thread;
		synchronized (this) {
			this.closed = true;
			thread = this.captureThread;
		}
		this.broadcaster.endAll();
		stop();
		if (thread != null) {
			thread.join(2000);
		}
	}

	/**
	 * Serves again after {@link #close()}: starts on the next viewer, as after start-up.
	 */
	synchronized void reopen() {
		this.closed = false;
	}

	boolean isClosed() {
		return this.closed;
	}

	synchronized boolean isRunning() {
		return this.captureThread != null;
	}

	synchronized boolean shouldRun() {
		return this.wanted;
	}

	/**
	 * Called by the capture thread when it is about to end: it must go on (return true)
	 * if the camera was wanted again meanwhile, so there is never a second thread on the
	 * same source.
	 */
	synchronized boolean captureEnding() {
		if (this.wanted && !this.closed) {
			return false;
		}
		this.captureThread = null;
		this.state = CameraState.IDLE;
		this.frames.clear();
		this.fps = 0;
		log.info("Camera '{}' stopped", id());
		return true;
	}

	// ---- called by the capture thread ----

	void publishLive(byte[] jpeg, byte[] reducedJpeg, Instant capturedAt, int frameWidth, int frameHeight) {
		long now = System.nanoTime();
		this.lastLiveNanos = now;
		this.width = frameWidth;
		this.height = frameHeight;
		countFrame(now);
		// The state turns LIVE before the frame is visible, so whoever sees a live frame
		// sees a live camera.
		if (this.state != CameraState.LIVE) {
			if (this.state == CameraState.NO_SIGNAL) {
				log.info("Camera '{}' recovered: live again", id());
			}
			this.problem = null;
			this.state = CameraState.LIVE;
		}
		this.frames.publish(jpeg, reducedJpeg, capturedAt, frameWidth, frameHeight, true);
	}

	private void countFrame(long now) {
		if (now - this.fpsWindowStart >= 1_000_000_000L) {
			this.fps = this.fpsWindowFrames * 1e9 / Math.max(1, now - this.fpsWindowStart);
			this.fpsWindowStart = now;
			this.fpsWindowFrames = 0;
		}
		this.fpsWindowFrames++;
	}

	/** The source failed or stalled: viewers get NO SIGNAL frames until it is back. */
	void lostSignal(String reason) {
		this.problem = reason;
		if (this.state != CameraState.NO_SIGNAL) {
			this.state = CameraState.NO_SIGNAL;
			this.fps = 0;
			log.warn("Camera '{}' lost its source: {}", id(), reason);
			publishNoSignal();
		}
		else {
			log.debug("Camera '{}' still without signal: {}", id(), reason);
		}
	}

	private void publishNoSignal() {
		synchronized (this.noSignalLock) {
			Instant now = Instant.now();
			byte[] jpeg;
			try (Mat card = FramePainter.noSignal(this.width, this.height, name(), now, this.problem);
					JpegEncoder encoder = new JpegEncoder(this.settings.jpegQuality())) {
				jpeg = encoder.encode(card);
			}
			// Under the camera's lock: a camera that stopped meanwhile keeps no NO SIGNAL
			// frame.
			synchronized (this) {
				if (this.captureThread != null) {
					// No reduced version: a NO SIGNAL card is a small JPEG, sent once a
					// second.
					this.frames.publish(jpeg, null, now, this.width, this.height, false);
				}
			}
			this.lastNoSignalNanos = System.nanoTime();
		}
	}

	// ---- called by the watchdog ----

	/**
	 * Stops an idle camera, notices a stalled one, and repeats NO SIGNAL about once a
	 * second.
	 */
	void supervise() {
		if (!isRunning()) {
			return;
		}
		long now = System.nanoTime();
		if (this.viewers.get() == 0 && now - this.lastDemandNanos > this.settings.idleTimeout().toNanos()) {
			log.info("Camera '{}' idle for {}: stopping", id(), this.settings.idleTimeout());
			stop();
			return;
		}
		long lastFrame = Math.max(this.lastLiveNanos, this.startedNanos);
		CameraState current = this.state;
		long allowed = (current == CameraState.STARTING) ? startTimeoutNanos() : this.settings.stallTimeout().toNanos();
		if (current != CameraState.NO_SIGNAL && now - lastFrame > allowed) {
			lostSignal((current == CameraState.STARTING)
					? "no first frame within " + Duration.ofNanos(allowed).toMillis() + " ms"
					: "no new frame for " + this.settings.stallTimeout().toMillis() + " ms (source stalled)");
			reopenSource();
		}
		else if (current == CameraState.NO_SIGNAL && now - this.lastNoSignalNanos >= NO_SIGNAL_REPEAT_NANOS) {
			publishNoSignal();
		}
	}

	/**
	 * Opening a network camera (RTSP handshake, first key frame) may take longer than a
	 * stall.
	 */
	private long startTimeoutNanos() {
		return Math.max(this.settings.stallTimeout().toNanos(), START_TIMEOUT_NANOS);
	}

	/** Interrupts a capture thread stuck in its source so it closes and reopens it. */
	private synchronized void reopenSource() {
		if (this.captureThread != null) {
			this.captureThread.interrupt();
		}
	}

}
