package io.camdash.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.camdash.camera.source.AudioPacket;
import io.camdash.camera.source.AudioTrack;
import io.camdash.camera.source.FrameSourceFactory;
import io.camdash.camera.source.H264Packet;
import io.camdash.camera.source.H264Track;
import io.camdash.camera.source.TestPatternSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured camera at run time: what it shows (its state and newest frame), who
 * wants its frames, and the watchdog's checks. The parts have classes of their own:
 * {@link CaptureLifecycle} (whether the capture thread runs), {@link CaptureLoop} (the
 * capture itself), {@link Demand}, {@link NoSignalCard}, {@link FpsMeter}, and the
 * {@link FrameConsumer}s that get every frame.
 * <p>
 * Longer than most classes (about 480 lines) because it is where those parts meet: the
 * state a viewer sees changes with the capture thread, the watchdog and the source, and
 * keeping those rules side by side shows in what order they happen.
 */
public final class Camera {

	private static final Logger log = LoggerFactory.getLogger(Camera.class);

	private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

	/** How long a changed camera waits for its old capture to let go of the source. */
	private static final long RESTART_WAIT_MILLIS = 5000;

	/** Replaced only by {@link #reconfigure}, while no capture thread runs. */
	private volatile CameraSettings settings;

	private final CameraMetrics metrics;

	private final FrameExchange frames = new FrameExchange();

	private final Demand demand = new Demand();

	private final FrameConsumers consumers;

	private final FpsMeter fps = new FpsMeter();

	private final PublishBoard publishing = new PublishBoard();

	private volatile NoSignalCard noSignal;

	/** Whether the camera was removed from the list: it never runs again. */
	private volatile boolean removed;

	private final CaptureLifecycle lifecycle;

	private volatile CameraState state = CameraState.IDLE;

	private volatile @Nullable String problem;

	/**
	 * The source's last failure since the last good frame, while it is being reopened; it
	 * becomes the problem only if no frame follows within the stall timeout.
	 */
	private volatile @Nullable String sourceFailure;

	private volatile long startedNanos;

	private volatile long lastLiveNanos;

	/**
	 * Whether the capture reads packets without decoding them (nobody needs images), so
	 * the latest image is not current.
	 */
	private volatile boolean imagesPaused;

	/** The H.264 track of the open source when it gives packets, else null. */
	private volatile @Nullable H264Track h264Track;

	private volatile @Nullable AudioTrack audioTrack;

	private volatile int width;

	private volatile int height;

	/** Whether the last live frame was the source's own JPEG, not decoded and encoded. */
	private volatile boolean passThrough;

	Camera(CameraSettings settings, StreamingProperties.Reduced reducedFrames, FrameSourceFactory sources,
			MeterRegistry meterRegistry) {
		this.settings = settings;
		this.metrics = new CameraMetrics(meterRegistry, settings.id(), this.demand::viewers,
				this.demand::reducedViewers);
		this.consumers = new FrameConsumers(settings.id());
		this.noSignal = new NoSignalCard(settings.name(), settings.jpegQuality());
		this.lifecycle = new CaptureLifecycle("camdash-capture-" + settings.id(),
				() -> new CaptureLoop(this, sources, reducedFrames), this::captureStarting, this::captureEnded);
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
	public @Nullable String problem() {
		return this.problem;
	}

	/**
	 * Why no frame comes: the NO SIGNAL reason, else the source's last failure while it
	 * is reopened (a camera starting may fail before its stall timeout ran out), or null.
	 */
	@Nullable String lastFailure() {
		String reason = this.problem;
		return (reason != null) ? reason : this.sourceFailure;
	}

	public @Nullable LatestFrame latest() {
		return this.frames.latest();
	}

	/** Where publishers of this camera post their state, shown in its status. */
	public PublishBoard publishing() {
		return this.publishing;
	}

	public CameraStatus status() {
		LatestFrame frame = latest();
		// A live camera passing H.264 through decodes no image while nobody needs one:
		// its age is that of the newest frame or packet.
		Long frameAge = null;
		if (this.state == CameraState.LIVE) {
			frameAge = (System.nanoTime() - this.lastLiveNanos) / 1_000_000;
		}
		else if (frame != null) {
			frameAge = frame.ageMillis();
		}
		return new CameraStatus(id(), name(), this.settings.source().describe(), this.state, this.problem,
				this.fps.fps(), this.width, this.height, this.demand.viewers(), this.demand.reducedViewers(), frameAge,
				this.passThrough, this.consumers.streamStatus(), audioStatus(), this.publishing.all());
	}

	CameraMetrics metrics() {
		return this.metrics;
	}

	// ---- demand ----

	/**
	 * Plugs a consumer in: it gets every frame and state change until detached, and the
	 * camera captures while it is attached. Attaching twice is attaching once.
	 */
	public void attach(FrameConsumer consumer) {
		this.consumers.add(consumer);
		this.demand.touch();
		this.lifecycle.start();
	}

	/**
	 * Unplugs a consumer; the camera stops {@code idle-timeout} after its last viewer or
	 * consumer left.
	 */
	public void detach(FrameConsumer consumer) {
		this.consumers.remove(consumer);
		this.demand.touch();
	}

	/** A viewer arrives: the camera runs for as long as it has one. */
	void addViewer() {
		this.demand.addViewer();
		this.lifecycle.start();
	}

	void removeViewer() {
		this.demand.removeViewer();
	}

	/** The viewers, and when anybody last asked for a frame. */
	Demand demand() {
		return this.demand;
	}

	/**
	 * The newest good camera frame, starting the camera if idle and waiting up to
	 * {@code timeout} for its first frame; null if none came (no signal).
	 */
	public @Nullable LatestFrame awaitLiveFrame(Duration timeout) throws InterruptedException {
		this.demand.wantImage();
		this.lifecycle.start();
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
			this.demand.wantImage();
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

	private boolean isFresh(LatestFrame frame) {
		return !this.imagesPaused && frame.ageMillis() <= this.settings.stallTimeout().toMillis();
	}

	// ---- lifecycle ----

	/**
	 * Stops until reopened and ends its streams, waiting a moment for the capture thread
	 * to release its source.
	 */
	void close() throws InterruptedException {
		Thread thread = this.lifecycle.close();
		this.consumers.cameraClosing();
		if (thread != null) {
			thread.join(2000);
		}
	}

	/**
	 * Serves again after {@link #close()}: starts on the next viewer, as after start-up.
	 */
	void reopen() {
		this.lifecycle.reopen();
	}

	boolean isClosed() {
		return this.lifecycle.isClosed();
	}

	/**
	 * Restarts with new settings (the same id): the capture stops, and starts again with
	 * them if anybody is watching. Viewers stay connected and see the new frames, as
	 * after a NO SIGNAL; consumers are told of the state changes on the way.
	 */
	void reconfigure(CameraSettings next) throws InterruptedException {
		Thread thread = this.lifecycle.close();
		if (thread != null) {
			thread.join(RESTART_WAIT_MILLIS);
			if (thread.isAlive()) {
				log.warn("Camera '{}' did not let go of its source within {} ms; it restarts when it does", id(),
						RESTART_WAIT_MILLIS);
			}
		}
		this.settings = next;
		this.noSignal = new NoSignalCard(next.name(), next.jpegQuality());
		this.width = (next.width() > 0) ? next.width() : TestPatternSource.DEFAULT_WIDTH;
		this.height = (next.height() > 0) ? next.height() : TestPatternSource.DEFAULT_HEIGHT;
		this.problem = null;
		this.lifecycle.reopen();
		// Race: a viewer that came while the camera was closed started nothing; it is
		// counted already, so it is seen here.
		if (!this.consumers.isEmpty() || this.demand.viewers() > 0) {
			this.lifecycle.start();
		}
	}

	/** Removed from the list: ends its streams and never runs again. */
	void remove() throws InterruptedException {
		this.removed = true;
		close();
	}

	/** Whether the camera was removed while camdash runs (its streams end for good). */
	public boolean isRemoved() {
		return this.removed;
	}

	/** The capture thread, and through it everything the capture does. */
	CaptureLifecycle lifecycle() {
		return this.lifecycle;
	}

	/** Under the lifecycle's lock, as the capture thread starts. */
	private void captureStarting() {
		this.startedNanos = System.nanoTime();
		this.sourceFailure = null;
		enter(CameraState.STARTING, null);
		log.info("Camera '{}' starting ({})", id(), this.settings.source().describe());
	}

	/**
	 * Called by the capture thread once the native libraries are loaded (it may have
	 * waited for them after start-up): the start timeout counts from now.
	 */
	void nativesLoaded() {
		this.startedNanos = System.nanoTime();
	}

	/** Under the lifecycle's lock, as the capture thread ends. */
	private void captureEnded() {
		this.imagesPaused = false;
		this.h264Track = null;
		this.audioTrack = null;
		boolean withoutSignal = this.state == CameraState.NO_SIGNAL;
		this.frames.clear();
		this.fps.reset();
		this.passThrough = false;
		enter(CameraState.IDLE, this.problem);
		if (withoutSignal) {
			log.info("Camera '{}' stopped, without signal for {}", id(), outageLength(System.nanoTime()));
		}
		else {
			log.info("Camera '{}' stopped", id());
		}
	}

	private void enter(CameraState next, @Nullable String reason) {
		this.problem = reason;
		this.state = next;
		this.consumers.stateChanged(next, reason);
	}

	// ---- called by the capture thread ----

	/**
	 * The H.264 track of the camera's open source when the source gives its video as
	 * packets (see {@link FrameConsumer#packet}), else null.
	 */
	public @Nullable H264Track h264Track() {
		return this.h264Track;
	}

	/**
	 * The audio of the camera's open source, or null when it has none (or gives no
	 * packets).
	 */
	public @Nullable AudioTrack audioTrack() {
		return this.audioTrack;
	}

	/**
	 * The capture opened a source: its packet track, or null if it gives none, and its
	 * audio, or null.
	 */
	void sourceOpened(@Nullable H264Track track, @Nullable AudioTrack audio) {
		this.h264Track = track;
		this.audioTrack = audio;
	}

	/** An audio packet of the source arrived, before the video packet read after it. */
	void publishAudio(AudioPacket packet) {
		this.consumers.audio(packet);
	}

	/**
	 * The camera's audio in words: {@code AAC} when it is passed on, the codec's name and
	 * "not played (video only)" when not, or null when there is none.
	 */
	private @Nullable String audioStatus() {
		AudioTrack audio = this.audioTrack;
		if (audio == null) {
			return null;
		}
		return (audio.passable() && this.h264Track != null) ? audio.displayName()
				: audio.displayName() + " not played (video only)";
	}

	/**
	 * Whether the capture should decode the packets of this track: an MJPEG viewer, a
	 * still or a consumer needs images.
	 */
	boolean wantsImages(H264Track track) {
		return this.demand.wantsImages(this.settings.idleTimeout(), System.nanoTime())
				|| this.consumers.reads(track) != FrameConsumer.Reads.PACKETS;
	}

	/**
	 * Whether a consumer reads the decoded image of a frame that came as JPEG: while none
	 * does, such a frame need not be decoded.
	 */
	boolean consumersReadImages() {
		return this.consumers.reads(null) == FrameConsumer.Reads.IMAGE;
	}

	/**
	 * A packet of the source's H.264 video arrived; {@code decoding} says whether its
	 * image follows (through {@link #publishLive}).
	 */
	void publishPacket(H264Packet packet, boolean decoding) {
		long now = System.nanoTime();
		if (!decoding) {
			this.imagesPaused = true;
			// Counted here only when no image follows, so each frame counts once.
			this.fps.count(now);
			this.width = packet.track().width();
			this.height = packet.track().height();
		}
		markLive(now);
		this.consumers.packet(packet);
	}

	/**
	 * Publishes a camera frame. {@code image} is its decoded image, or null when the
	 * frame is the source's own JPEG, passed through undecoded as nothing read its
	 * pixels.
	 */
	void publishLive(@Nullable Mat image, byte[] jpeg, byte @Nullable [] reducedJpeg, Instant capturedAt, int width,
			int height, boolean passedThrough) {
		long now = System.nanoTime();
		this.width = width;
		this.height = height;
		this.passThrough = passedThrough;
		this.fps.count(now);
		// The state turns LIVE before the frame is visible, so whoever sees a live frame
		// sees a live camera.
		markLive(now);
		LatestFrame frame = this.frames.publish(jpeg, reducedJpeg, capturedAt, this.width, this.height, true);
		this.imagesPaused = false;
		this.consumers.frame(image, frame);
	}

	private void markLive(long now) {
		if (this.state == CameraState.NO_SIGNAL) {
			log.info("Camera '{}' recovered: live again after {} without a frame", id(), outageLength(now));
		}
		this.lastLiveNanos = now;
		this.sourceFailure = null;
		if (this.state != CameraState.LIVE) {
			enter(CameraState.LIVE, null);
		}
	}

	/**
	 * The source failed; the capture thread reopens it. Said quietly: many cameras close
	 * their connection after every frame, so only a frame that does not follow within the
	 * stall timeout makes an outage (see {@link #supervise}).
	 */
	void sourceFailed(String reason) {
		if (this.state == CameraState.NO_SIGNAL) {
			this.problem = reason;
			log.debug("Camera '{}' still without signal: {}", id(), reason);
		}
		else {
			this.sourceFailure = reason;
			log.debug("Camera '{}' source failed, reopening it: {}", id(), reason);
		}
	}

	/**
	 * No frame within the stall timeout: viewers get NO SIGNAL frames until the source is
	 * back. The outage is logged here once, and once more when it ends.
	 */
	private void lostSignal(String reason) {
		this.fps.reset();
		this.passThrough = false;
		enter(CameraState.NO_SIGNAL, reason);
		log.warn("Camera '{}' lost its source: {}", id(), reason);
		showNoSignal();
	}

	/** Since the last good frame (or the start, if none came), as "3.2 s". */
	private String outageLength(long now) {
		long since = Math.max(this.lastLiveNanos, this.startedNanos);
		return String.format(Locale.ROOT, "%.1f s", (now - since) / 1e9);
	}

	private void showNoSignal() {
		int cardWidth = this.width;
		int cardHeight = this.height;
		this.noSignal.show(cardWidth, cardHeight, this.problem,
				(card, jpeg, paintedAt) -> this.lifecycle.whileCapturing(() -> {
					// No reduced version: a NO SIGNAL card is a small JPEG, sent once a
					// second.
					LatestFrame frame = this.frames.publish(jpeg, null, paintedAt, cardWidth, cardHeight, false);
					this.consumers.frame(card, frame);
				}));
	}

	// ---- called by the watchdog ----

	/**
	 * Stops an idle camera, notices a stalled one, and repeats NO SIGNAL about once a
	 * second.
	 */
	void supervise() {
		// While the native libraries load the camera is starting, not stalled, and no
		// card may be painted.
		if (!this.lifecycle.hasThread() || !NativeLibraries.isLoaded(this.settings.source().usesFfmpeg())) {
			return;
		}
		long now = System.nanoTime();
		if (this.consumers.isEmpty() && this.demand.idleFor(this.settings.idleTimeout(), now)) {
			// A capture thread stuck in a native call ends only when that call returns:
			// say
			// it once, not at every round of the watchdog.
			if (this.lifecycle.stop()) {
				log.info("Camera '{}' idle for {}: stopping", id(), this.settings.idleTimeout());
			}
			return;
		}
		long lastFrame = Math.max(this.lastLiveNanos, this.startedNanos);
		CameraState current = this.state;
		String failure = this.sourceFailure;
		// A source that failed while starting has had its chance: the longer start
		// timeout is for slow handshakes.
		boolean starting = current == CameraState.STARTING && failure == null;
		long allowed = starting ? startTimeoutNanos() : this.settings.stallTimeout().toNanos();
		if (current != CameraState.NO_SIGNAL && now - lastFrame > allowed) {
			if (failure != null) {
				lostSignal(failure);
			}
			else {
				lostSignal(starting ? "no first frame within " + Duration.ofNanos(allowed).toMillis() + " ms"
						: "no new frame for " + this.settings.stallTimeout().toMillis() + " ms (source stalled)");
			}
			// A source stuck since then is closed and opened again.
			this.lifecycle.interruptCapture();
		}
		else if (current == CameraState.NO_SIGNAL && this.noSignal.isDue(now)) {
			showNoSignal();
		}
	}

	/**
	 * Opening a network camera (RTSP handshake, first key frame) may take longer than a
	 * stall.
	 */
	private long startTimeoutNanos() {
		return Math.max(this.settings.stallTimeout().toNanos(), START_TIMEOUT_NANOS);
	}

}
