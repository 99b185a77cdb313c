package io.camdash.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.camdash.camera.Camera;
import io.camdash.camera.FrameConsumer;
import io.camdash.camera.LatestFrame;
import io.camdash.camera.VideoStreamStatus;
import io.camdash.camera.source.AudioPacket;
import io.camdash.camera.source.H264Packet;
import io.camdash.camera.source.H264Track;
import io.micrometer.core.instrument.MeterRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's live H.264: passes the camera's own H.264 packets through when its source
 * gives them in a profile browsers play ({@link PacketRemuxer}), else encodes each image
 * once; either only while at least one viewer watches. Keeps the fragments since the last
 * keyframe so a new viewer starts at once, and offers every fragment to every viewer.
 * Runs on the camera's capture thread (and the watchdog's, for NO SIGNAL cards, which are
 * encoded even for a passed-through camera), under this object's lock; offering never
 * blocks, so a slow viewer never slows the camera.
 * <p>
 * About 410 lines: the two ways of making fragments share the viewers, the keyframe cache
 * and the switch from one to the other, which read best side by side.
 */
final class LiveStream implements FrameConsumer {

	private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

	private static final int MIN_BITRATE = 100_000;

	private final Camera camera;

	private final LiveProperties properties;

	private final LiveMetrics metrics;

	private final Set<LiveViewer> viewers = ConcurrentHashMap.newKeySet();

	private final BitRate bitRate = new BitRate();

	private final EncodingThread encoding;

	/**
	 * Guarded by this: the remuxer of the camera's own packets, while someone watches a
	 * camera that gives them.
	 */
	private @Nullable PacketRemuxer remuxer;

	/** Whether live images are left alone: the packets make the fragments. */
	private volatile boolean passingThrough;

	/** Guarded by this: the encoder, while someone watches. */
	private @Nullable H264Encoder encoder;

	/** Guarded by this. */
	private @Nullable InitSegment init;

	/** Guarded by this: the fragments from the last keyframe on. */
	private final List<Fragment> sinceKeyframe = new ArrayList<>();

	/** Guarded by this. */
	private long sequence;

	/** Guarded by this: capture time of the stream's first frame, its time zero. */
	private long startMicros;

	/** Guarded by this. */
	private long lastDecodeTime = -1;

	/** Guarded by this. */
	private long lastKeyframeNanos;

	/** Guarded by this: measured time between frames, in track ticks. */
	private double frameTicks;

	/** Guarded by this. */
	private long lastCaptureMicros;

	/** Guarded by this: why the encoder cannot work, once it failed. */
	private @Nullable String failure;

	LiveStream(Camera camera, LiveProperties properties, MeterRegistry meterRegistry) {
		this.camera = camera;
		this.properties = properties;
		this.metrics = new LiveMetrics(meterRegistry, camera.id(), this.viewers::size,
				() -> this.passingThrough ? 1 : 0);
		this.encoding = new EncodingThread(this, "camdash-h264-" + camera.id());
	}

	Camera camera() {
		return this.camera;
	}

	LiveMetrics metrics() {
		return this.metrics;
	}

	int viewerCount() {
		return this.viewers.size();
	}

	/**
	 * A viewer joins: it gets the current init segment and fragments at once if there are
	 * any, else with the first frame.
	 */
	void join(LiveViewer viewer) {
		String failed;
		boolean first;
		synchronized (this) {
			failed = this.failure;
			if (failed == null) {
				first = this.viewers.isEmpty();
				this.viewers.add(viewer);
				if (this.init != null) {
					viewer.start(this.init, List.copyOf(this.sinceKeyframe));
				}
			}
			else {
				first = false;
			}
		}
		if (failed != null) {
			viewer.end(failed);
			return;
		}
		if (first) {
			this.encoding.begin();
			this.camera.attach(this);
		}
	}

	void leave(LiveViewer viewer) {
		boolean last;
		synchronized (this) {
			last = this.viewers.remove(viewer) && this.viewers.isEmpty();
			if (last && this.remuxer != null) {
				// The next viewer starts on fresh packets, not on what was kept from now.
				this.remuxer = null;
				this.passingThrough = false;
				this.init = null;
				this.sinceKeyframe.clear();
			}
		}
		if (last) {
			this.camera.detach(this);
			this.encoding.end();
		}
	}

	/**
	 * On the capture thread: hands a copy to the encoding thread and returns; live images
	 * of a passed-through camera are not needed.
	 */
	@Override
	public void frame(Mat image, LatestFrame frame) {
		if (frame.live() && passesPackets()) {
			return;
		}
		this.encoding.offer(image, frame.capturedAt(), frame.live());
	}

	/** Whether the camera's source gives packets this stream passes through. */
	private boolean passesPackets() {
		H264Track track = this.camera.h264Track();
		return track != null && PlayableH264.inBrowsers(track);
	}

	/** The camera's own packets where browsers play them, else images to encode. */
	@Override
	public Reads reads(@Nullable H264Track track) {
		return (track != null && PlayableH264.inBrowsers(track)) ? Reads.PACKETS : Reads.IMAGE;
	}

	/** On the capture thread: remuxes the camera's own packet and offers it. */
	@Override
	public synchronized void packet(H264Packet packet) {
		if (this.viewers.isEmpty() || this.failure != null) {
			return;
		}
		PacketRemuxer current = this.remuxer;
		if (current == null || current.track() != packet.track()) {
			if (!PlayableH264.inBrowsers(packet.track())) {
				return;
			}
			closeEncoder();
			current = new PacketRemuxer(packet.track(), this.camera.audioTrack(), this.camera.settings().fps());
			this.remuxer = current;
			this.passingThrough = true;
		}
		Fragment fragment = current.remux(this.sequence + 1, packet);
		if (fragment == null) {
			return;
		}
		this.sequence++;
		InitSegment segment = current.init();
		if (this.init != segment) {
			this.init = segment;
			this.sinceKeyframe.clear();
			log.info("Camera '{}': passing its own H.264 through, {}x{} ({})", this.camera.id(), segment.width(),
					segment.height(), segment.codec());
			for (LiveViewer viewer : this.viewers) {
				viewer.start(segment, List.of());
			}
		}
		this.metrics.framesPassed.increment();
		publish(fragment, System.nanoTime());
	}

	/**
	 * On the capture thread: the camera's audio, into the passed-through stream's audio
	 * track (an encoded stream has none).
	 */
	@Override
	public synchronized void audio(AudioPacket packet) {
		PacketRemuxer current = this.remuxer;
		if (this.viewers.isEmpty() || this.failure != null || current == null) {
			return;
		}
		Fragment fragment = current.remuxAudio(this.sequence + 1, packet);
		if (fragment != null) {
			this.sequence++;
			publish(fragment, System.nanoTime());
		}
	}

	/** On the encoding thread: encodes one image and offers it to every viewer. */
	synchronized void encode(Mat image, Instant capturedAt, boolean live) {
		if (this.viewers.isEmpty() || this.failure != null || (live && passesPackets())) {
			return;
		}
		long captureMicros = capturedAt.getEpochSecond() * 1_000_000 + capturedAt.getNano() / 1000;
		long now = System.nanoTime();
		if (!ensureEncoder(image, captureMicros)) {
			return;
		}
		boolean forceKeyframe = !live || now - this.lastKeyframeNanos >= this.properties.keyframeInterval().toNanos();
		long start = System.nanoTime();
		H264Encoder.EncodedFrame encoded = this.encoder.encode(image, forceKeyframe);
		this.metrics.encodeTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		this.metrics.framesEncoded.increment();
		if (encoded == null) {
			return;
		}
		Fragment fragment = new Fragment(
				Fmp4Writer.fragment(Fmp4Writer.TRACK_ID, ++this.sequence, decodeTime(captureMicros),
						duration(captureMicros, live), 0, encoded.keyframe(), encoded.sample()),
				encoded.keyframe(), false, capturedAt.toEpochMilli());
		if (encoded.keyframe()) {
			this.lastKeyframeNanos = now;
		}
		publish(fragment, now);
	}

	/** Keeps the fragment in the keyframe cache and offers it to every viewer. */
	private void publish(Fragment fragment, long now) {
		if (fragment.keyframe()) {
			this.sinceKeyframe.clear();
		}
		this.sinceKeyframe.add(fragment);
		this.bitRate.add(fragment.bytes().length, now);
		for (LiveViewer viewer : this.viewers) {
			viewer.offer(fragment);
		}
	}

	/** Opens the encoder for this image's size, telling every viewer when it changed. */
	private boolean ensureEncoder(Mat image, long captureMicros) {
		H264Encoder current = this.encoder;
		if (current != null && current.width() == (image.cols() & ~1) && current.height() == (image.rows() & ~1)) {
			return true;
		}
		closeEncoder();
		// A NO SIGNAL card of a passed-through camera: encoded until packets come again.
		this.remuxer = null;
		this.passingThrough = false;
		this.init = null;
		this.sinceKeyframe.clear();
		int fps = Math.max(1, this.camera.settings().fps());
		long pixelsPerSecond = (long) image.cols() * image.rows() * fps;
		long bitsPerSecond = Math.max(MIN_BITRATE, (long) (pixelsPerSecond * this.properties.bitsPerPixel()));
		// Keyframes come by time (below); this only bounds a source faster than its
		// setting.
		int keyframeFrames = (int) Math.max(1, 2 * fps * this.properties.keyframeInterval().toMillis() / 1000);
		try {
			this.encoder = new H264Encoder(image.cols(), image.rows(), fps, bitsPerSecond, keyframeFrames);
		}
		catch (RuntimeException ex) {
			this.failure = "H.264 is not available on this server: " + ex.getMessage();
			log.error("Camera '{}': {}", this.camera.id(), this.failure);
			for (LiveViewer viewer : this.viewers) {
				viewer.end(this.failure);
			}
			return false;
		}
		H264Encoder opened = this.encoder;
		this.startMicros = captureMicros;
		this.init = new InitSegment(Fmp4Writer.initSegment(opened.sps(), opened.pps(), opened.width(), opened.height()),
				H264Units.codec(opened.sps()), opened.width(), opened.height(), captureMicros / 1000);
		this.frameTicks = Fmp4Writer.TIMESCALE / (double) fps;
		this.lastDecodeTime = -1;
		log.info("Camera '{}': encoding H.264 {}x{} at {} kbit/s ({})", this.camera.id(), opened.width(),
				opened.height(), bitsPerSecond / 1000, this.init.codec());
		for (LiveViewer viewer : this.viewers) {
			viewer.start(this.init, List.of());
		}
		return true;
	}

	/**
	 * Decode time from the capture time, so the player's clock follows the camera's;
	 * always increasing.
	 */
	private long decodeTime(long captureMicros) {
		long ticks = (captureMicros - this.startMicros) * Fmp4Writer.TIMESCALE / 1_000_000;
		this.lastDecodeTime = Math.max(ticks, this.lastDecodeTime + 1);
		return this.lastDecodeTime;
	}

	/**
	 * How long a frame shows: the time between recent frames (a NO SIGNAL card lasts a
	 * second).
	 */
	private int duration(long captureMicros, boolean live) {
		if (this.lastCaptureMicros > 0 && live) {
			double measured = (captureMicros - this.lastCaptureMicros) * Fmp4Writer.TIMESCALE / 1e6;
			if (measured > 0 && measured < Fmp4Writer.TIMESCALE) {
				this.frameTicks = 0.9 * this.frameTicks + 0.1 * measured;
			}
		}
		this.lastCaptureMicros = captureMicros;
		return live ? (int) Math.round(this.frameTicks) : Fmp4Writer.TIMESCALE;
	}

	@Override
	public void cameraClosing() {
		for (LiveViewer viewer : this.viewers) {
			viewer.end(this.camera.isRemoved() ? "the camera was removed" : "camdash is shutting down");
		}
	}

	/**
	 * On the encoding thread as it ends, or as packets take over: closes the encoder, and
	 * forgets its stream unless packets make the stream now.
	 */
	synchronized void closeEncoder() {
		if (this.encoder != null) {
			this.encoder.close();
			this.encoder = null;
		}
		if (this.remuxer == null) {
			this.init = null;
			this.sinceKeyframe.clear();
		}
		this.lastCaptureMicros = 0;
	}

	@Override
	public VideoStreamStatus streamStatus() {
		InitSegment current;
		String delivery;
		synchronized (this) {
			current = this.init;
			delivery = (current != null) ? ((this.remuxer != null) ? "passthrough" : "encoded") : "off";
		}
		return new VideoStreamStatus(this.viewers.size(), delivery, (current != null) ? current.codec() : null,
				this.bitRate.bitsPerSecond(System.nanoTime()));
	}

	/** Bits per second of the fragments made over the last two seconds or so. */
	private static final class BitRate {

		private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

		private long windowStart;

		private long windowBytes;

		private volatile long lastRate;

		private volatile long lastAddNanos;

		synchronized void add(int bytes, long now) {
			if (now - this.windowStart >= WINDOW_NANOS) {
				this.lastRate = (this.windowStart == 0) ? 0
						: this.windowBytes * 8 * 1_000_000_000L / (now - this.windowStart);
				this.windowStart = now;
				this.windowBytes = 0;
			}
			this.windowBytes += bytes;
			this.lastAddNanos = now;
		}

		long bitsPerSecond(long now) {
			return (now - this.lastAddNanos > 2 * WINDOW_NANOS) ? 0 : this.lastRate;
		}

	}

}
