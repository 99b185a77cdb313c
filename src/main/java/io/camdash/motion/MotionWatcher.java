package io.camdash.motion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.camdash.camera.Camera;
import io.camdash.camera.FrameConsumer;
import io.camdash.camera.LatestFrame;
import io.camdash.camera.source.H264Packet;
import io.camdash.camera.source.H264Track;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one camera for motion, on a thread of its own: takes every frame (keeping the
 * last seconds for a clip's pre-roll), examines a few per second with the
 * {@link MotionDetector}, and turns runs of motion into events through the
 * {@link EventTracker}. Everything slow (files, webhook, pages) goes to the
 * {@link EventSink}; the clip is written by a {@link ClipRecorder} on its own thread. A
 * camera whose own H.264 browsers play has its packets kept instead of its JPEGs
 * ({@link PacketRoll}), and its clips copy them: never re-encoded.
 * <p>
 * Lifecycle: one {@link State} field, changed under this object's lock.
 * <p>
 * Longer than most classes: it owns one camera's event state (the open event, the clip
 * being recorded, the clip taking its post-roll, the best picture), all touched by its
 * one thread; split, that state would need locks.
 */
final class MotionWatcher implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(MotionWatcher.class);

	/** Pre-roll memory per camera, at most: a bound for cameras of very large frames. */
	static final long MAX_PRE_ROLL_BYTES = 48L * 1024 * 1024;

	/**
	 * H.264 kept beyond the pre-roll, so a clip can still start at a keyframe before it.
	 */
	private static final Duration PACKET_MARGIN = Duration.ofSeconds(2);

	/** How long the watcher waits for a frame before looking at the clock again. */
	private static final long FRAME_WAIT_MILLIS = 500;

	/**
	 * Frames handed from the capture thread and not yet taken, at most: a few seconds at
	 * 30 fps. Only references to the shared JPEGs; beyond it frames are dropped.
	 */
	static final int HANDOFF = 64;

	enum State {

		/** Made, not started. */
		NEW,

		/** Its thread runs. */
		RUNNING,

		/** Told to stop, or stopped: it never runs again. */
		STOPPED

	}

	private final Camera camera;

	private final MotionSettings settings;

	private final EventFiles files;

	private final EventSink sink;

	private final MotionMetrics metrics;

	private final EventTracker tracker;

	private final PreRoll preRoll;

	private final PacketRoll packets;

	private final long detectIntervalNanos;

	private final BlockingQueue<LatestFrame> handoff = new ArrayBlockingQueue<>(HANDOFF);

	/**
	 * Plugged into the camera: on the capture thread it only queues a reference to the
	 * frame (never blocking; a full queue drops the frame), so the camera never waits for
	 * detection, and keeps the camera's H.264 packets (a few list operations). It reads
	 * the camera's JPEGs, never the decoded image, so a camera that passes its source's
	 * JPEGs through keeps doing so while watched.
	 */
	private final FrameConsumer feed = new FrameConsumer() {

		@Override
		public void frame(@Nullable Mat image, LatestFrame frame) {
			MotionWatcher.this.handoff.offer(frame);
		}

		@Override
		public void packet(H264Packet packet) {
			if (MotionWatcher.this.settings.clips()) {
				MotionWatcher.this.packets.add(packet);
			}
		}

		@Override
		public Reads reads(@Nullable H264Track track) {
			return Reads.JPEG;
		}

	};

	private State state = State.NEW;

	private @Nullable Thread thread;

	/** Written by the watcher thread, read by status requests. */
	private volatile @Nullable MotionEvent current;

	private volatile boolean motionNow;

	private volatile List<Detection.Box> boxesNow = List.of();

	private volatile long lastDetectionNanos;

	private volatile @Nullable Instant lastExamined;

	private @Nullable ClipRecorder clip;

	/** The clip of an ended event, still taking its post-roll. */
	private @Nullable ClipRecorder closing;

	private @Nullable ClipFrame best;

	MotionWatcher(Camera camera, MotionSettings settings, EventFiles files, EventSink sink, MotionMetrics metrics) {
		this.camera = camera;
		this.settings = settings;
		this.files = files;
		this.sink = sink;
		this.metrics = metrics;
		this.tracker = new EventTracker(settings.minFrames(), settings.coolDown());
		// The pre-roll reaches back to before the first motion frame, which is known only
		// minFrames examined frames later.
		Duration confirm = Duration.ofMillis(1000L * (settings.minFrames() + 1) / settings.detectFps());
		this.preRoll = new PreRoll(settings.preRoll().plus(confirm), MAX_PRE_ROLL_BYTES);
		// Packets are cheap to keep: a margin in case the watcher learns of a start late.
		this.packets = new PacketRoll(settings.preRoll().plus(confirm).plus(PACKET_MARGIN), MAX_PRE_ROLL_BYTES);
		this.detectIntervalNanos = TimeUnit.SECONDS.toNanos(1) / settings.detectFps();
	}

	String cameraId() {
		return this.camera.id();
	}

	synchronized void start() {
		if (this.state != State.NEW) {
			return;
		}
		this.state = State.RUNNING;
		Thread t = new Thread(this, "camdash-motion-" + this.camera.id());
		t.setDaemon(true);
		this.thread = t;
		t.start();
		// Attached, the camera captures all the time.
		this.camera.attach(this.feed);
		log.info("Watching camera '{}' for motion", this.camera.id());
	}

	/** Stops watching, ending an open event (and its clip) cleanly. */
	void stop() throws InterruptedException {
		Thread t;
		synchronized (this) {
			this.state = State.STOPPED;
			t = this.thread;
		}
		this.camera.detach(this.feed);
		if (t != null) {
			t.interrupt();
			t.join(5000);
		}
	}

	private synchronized boolean running() {
		return this.state == State.RUNNING;
	}

	@Override
	public void run() {
		long nextDetection = 0;
		try (MotionDetector detector = new MotionDetector(this.settings)) {
			while (running()) {
				LatestFrame frame = this.handoff.poll(FRAME_WAIT_MILLIS, TimeUnit.MILLISECONDS);
				if (frame == null) {
					// No frame at all for a while: an open event ends once its cool-down
					// is over.
					if (this.tracker.tick(Instant.now()) == EventTracker.Change.ENDED) {
						endEvent("quiet");
					}
					continue;
				}
				if (!frame.live()) {
					cameraLost();
					continue;
				}
				ClipFrame clipFrame = new ClipFrame(frame.jpeg(), frame.capturedAt(), frame.width(), frame.height());
				if (!this.packets.playable()) {
					// Clips of a camera whose packets are kept are made of them.
					this.preRoll.add(clipFrame);
				}
				if (this.clip != null) {
					this.clip.offer(clipFrame);
				}
				if (this.closing != null) {
					this.closing.offer(clipFrame);
					if (this.closing.isClosed()) {
						this.closing = null;
					}
				}
				long now = System.nanoTime();
				if (now - nextDetection >= 0) {
					nextDetection = Math.max(nextDetection + this.detectIntervalNanos, now);
					examine(detector, clipFrame);
				}
			}
		}
		catch (InterruptedException ex) {
			// Stopping.
		}
		catch (RuntimeException | LinkageError ex) {
			log.error("Motion watcher of camera '{}' failed", this.camera.id(), ex);
		}
		finally {
			if (this.tracker.endNow()) {
				endEvent("stopped");
			}
			closeClip();
			synchronized (this) {
				this.state = State.STOPPED;
			}
		}
	}

	private void examine(MotionDetector detector, ClipFrame frame) {
		long start = System.nanoTime();
		Detection detection;
		try (Mat grey = GreyscaleDecoder.decode(frame.jpeg(), frame.height())) {
			if (grey == null) {
				return;
			}
			detection = detector.detect(grey);
		}
		this.lastDetectionNanos = System.nanoTime() - start;
		this.metrics.detectionTime(this.camera.id()).record(this.lastDetectionNanos, TimeUnit.NANOSECONDS);
		this.lastExamined = frame.capturedAt();
		this.motionNow = detection.motion();
		this.boxesNow = detection.boxes();
		EventTracker.Change change = this.tracker.update(frame.capturedAt(), detection);
		if (this.tracker.newPeak()) {
			this.best = frame;
		}
		if (change == EventTracker.Change.STARTED) {
			startEvent();
		}
		else if (change == EventTracker.Change.ENDED) {
			endEvent("quiet");
		}
		ClipRecorder recording = this.clip;
		MotionEvent event = this.current;
		if (recording != null && event != null) {
			Instant clipEnd = this.tracker.lastMotion().plus(this.settings.postRoll());
			Instant clipLimit = event.start().minus(this.settings.preRoll()).plus(this.settings.maxClip());
			if (clipEnd.isAfter(clipLimit)) {
				recording.finish(clipLimit);
				this.clip = null;
				closeClip();
				this.closing = recording;
			}
			else {
				recording.extendTo(clipEnd);
			}
		}
	}

	private void startEvent() {
		Instant start = this.tracker.firstMotion();
		MotionEvent event = new MotionEvent(this.files.id(this.camera.id(), start), this.camera.id(),
				this.camera.name(), start, null, this.tracker.peak(), this.tracker.peakBoxes(), null, null, 0, null,
				null);
		this.current = event;
		this.metrics.events(this.camera.id()).increment();
		log.info("Motion on camera '{}' since {}", this.camera.id(), start);
		if (this.settings.clips()) {
			startClip(event);
		}
		this.sink.started(event);
	}

	private void startClip(MotionEvent event) {
		Instant from = event.start().minus(this.settings.preRoll());
		Instant until = this.tracker.lastMotion().plus(this.settings.postRoll());
		Consumer<ClipRecorder.Result> done = (result) -> this.sink.clipDone(event, result);
		int fps = this.camera.settings().fps();
		try {
			Path file = this.files.clipFile(event);
			ClipRecorder recorder = null;
			if (this.packets.playable()) {
				PacketClipWriter copier = new PacketClipWriter(fps,
						this.metrics.clipFrames(this.camera.id(), MotionMetrics.COPIED));
				recorder = new ClipRecorder(file, copier, until, done);
				if (!this.packets.follow(from, recorder)) {
					// No keyframe kept yet: its images will do.
					copier.close();
					recorder = null;
				}
			}
			if (recorder == null) {
				recorder = new ClipRecorder(file,
						new JpegClipWriter(fps, this.metrics.clipFrames(this.camera.id(), MotionMetrics.ENCODED)),
						until, done);
				for (ClipFrame frame : this.preRoll.since(from)) {
					recorder.offer(frame);
				}
			}
			recorder.start(this.camera.id());
			this.clip = recorder;
		}
		catch (IOException ex) {
			log.warn("No clip for motion on camera '{}': {}", this.camera.id(), ex.getMessage());
		}
	}

	private void endEvent(String reason) {
		MotionEvent event = this.current;
		if (event == null) {
			return;
		}
		Instant end = this.tracker.lastMotion();
		ClipRecorder recording = this.clip;
		if (recording != null) {
			recording.finish(end.plus(this.settings.postRoll()));
			this.clip = null;
			closeClip();
			this.closing = recording;
		}
		MotionEvent ended = event.ended(end, this.tracker.peak(), this.tracker.peakBoxes(), reason);
		this.current = null;
		this.motionNow = false;
		this.boxesNow = List.of();
		ClipFrame picture = this.best;
		this.best = null;
		log.info("Motion on camera '{}' ended ({}), {} s", this.camera.id(), reason,
				ended.duration().toMillis() / 1000.0);
		this.sink.ended(ended, (picture != null) ? picture.jpeg() : new byte[0]);
	}

	private void cameraLost() {
		if (this.tracker.endNow()) {
			endEvent("camera lost");
		}
		// No more frames will come: the clip ends with what it has.
		closeClip();
		this.preRoll.clear();
		this.packets.clear();
		this.motionNow = false;
		this.boxesNow = List.of();
	}

	private void closeClip() {
		if (this.closing != null) {
			this.closing.close();
			this.closing = null;
		}
	}

	/** What the status API and pages show about this watcher. */
	WatcherStatus status() {
		MotionEvent event = this.current;
		Instant examined = this.lastExamined;
		return new WatcherStatus(this.camera.id(), true, event != null, this.motionNow, this.boxesNow,
				(event != null) ? event.id() : null, (event != null) ? event.start() : null,
				Math.round(this.lastDetectionNanos / 1000.0) / 1000.0, examined,
				this.preRoll.bytes() + this.packets.bytes());
	}

}
