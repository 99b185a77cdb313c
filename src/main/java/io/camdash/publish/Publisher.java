package io.camdash.publish;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.camdash.camera.PublishBoard;
import io.camdash.camera.PublishStatus;
import io.camdash.live.Mp4Feed;
import io.camdash.live.Mp4Feeds;
import io.micrometer.core.instrument.Counter;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one camera to one media server, on a thread of its own, for as long as
 * camdash runs: reads the camera's live H.264 as fragmented MP4 ({@link Mp4Feed}) and
 * remuxes its packets to FLV or RTSP without decoding them. When the server goes away it
 * retries, waiting twice as long each time up to {@link #MAX_BACKOFF}; the state and the
 * reason go to the camera's status.
 */
final class Publisher implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(Publisher.class);

	static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	/**
	 * Publishing this long counts as a success: the next failure retries quickly again.
	 */
	private static final Duration STEADY = Duration.ofSeconds(10);

	private static final int IO_TIMEOUT_MICROS = 10_000_000;

	private final String cameraId;

	private final PublishTarget target;

	private final Mp4Feeds feeds;

	private final PublishBoard board;

	private final Counter reconnects;

	private volatile boolean stopped;

	private volatile @Nullable Mp4Feed feed;

	Publisher(String cameraId, PublishTarget target, Mp4Feeds feeds, PublishBoard board, Counter reconnects) {
		this.cameraId = cameraId;
		this.target = target;
		this.feeds = feeds;
		this.board = board;
		this.reconnects = reconnects;
	}

	@Override
	public void run() {
		Duration backoff = FIRST_BACKOFF;
		String lastReason = null;
		while (!this.stopped) {
			post("connecting", null);
			long started = System.nanoTime();
			String reason;
			try {
				reason = publishOnce();
			}
			catch (Exception ex) {
				reason = sentence(ex);
			}
			if (this.stopped) {
				break;
			}
			if (System.nanoTime() - started > STEADY.toNanos()) {
				backoff = FIRST_BACKOFF;
			}
			if (!reason.equals(lastReason)) {
				// Once per kind of failure, not once per retry: a server down for a night
				// writes one line.
				log.warn("Camera '{}': publishing to {} stopped: {}; retrying", this.cameraId, this.target, reason);
				lastReason = reason;
			}
			post("retrying", reason);
			this.reconnects.increment();
			if (!pause(backoff)) {
				break;
			}
			backoff = (backoff.compareTo(MAX_BACKOFF.dividedBy(2)) > 0) ? MAX_BACKOFF : backoff.multipliedBy(2);
		}
		this.board.remove(this.target.shown());
	}

	/** Publishes until the stream or the connection ends; returns why it ended. */
	private String publishOnce() throws Exception {
		Mp4Feed opened = this.feeds.open(this.cameraId)
			.orElseThrow(() -> new IllegalStateException("no camera named '" + this.cameraId + "'"));
		this.feed = opened;
		try (opened; FFmpegFrameGrabber input = new FFmpegFrameGrabber(opened, 0)) {
			input.setFormat("mp4");
			// Not start(): see FfmpegSource.open (JavaCV's lock of the whole JVM).
			input.startUnsafe();
			// The MP4 sample entry's tag ('avc1') means nothing to FLV or RTSP: let the
			// output muxer choose its own.
			for (int i = 0; i < input.getFormatContext().nb_streams(); i++) {
				AVStream stream = input.getFormatContext().streams(i);
				stream.codecpar().codec_tag(0);
				if (stream.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
					// The muxer announces this rate (FLV's onMetaData framerate). Guessed
					// from
					// a feed's first fragment it was the 90 kHz clock, and FFmpeg players
					// reading 90000 fps from the media server never finished probing.
					AVRational rate = avutil.av_make_q(opened.frameRate(), 1);
					stream.avg_frame_rate(rate);
					stream.r_frame_rate(rate);
				}
			}
			try (FFmpegFrameRecorder output = new UnlockedRecorder(this.target.url(), input.getImageWidth(),
					input.getImageHeight())) {
				output.setFormat(this.target.format());
				output.setVideoCodec(input.getVideoCodec());
				output.setOption("rw_timeout", Integer.toString(IO_TIMEOUT_MICROS));
				if (this.target.isRtsp()) {
					output.setOption("rtsp_transport", "tcp");
				}
				output.start(input.getFormatContext());
				post("publishing", null);
				log.info("Camera '{}': publishing to {}", this.cameraId, this.target);
				AVPacket packet;
				while (!this.stopped && (packet = input.grabPacket()) != null) {
					output.recordPacket(packet);
				}
				output.stop();
			}
		}
		finally {
			this.feed = null;
		}
		return "the camera's stream ended";
	}

	private void post(String state, @Nullable String reason) {
		this.board.post(new PublishStatus(this.target.shown(), state, reason));
	}

	/**
	 * The failure in words, without the target's secrets: FFmpeg's messages name the URL
	 * they could not open.
	 */
	private String sentence(Exception ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : "the connection failed";
		message = message.replace(this.target.url(), this.target.shown());
		if (message.contains("-111") || message.contains("Connection refused")) {
			return "the media server refused the connection";
		}
		if (message.contains("-110") || message.contains("timed out")) {
			return "the media server did not answer";
		}
		if (message.contains("-32") || message.contains("Broken pipe") || message.contains("-104")) {
			return "the media server closed the connection";
		}
		if (message.contains("-5") || message.contains("I/O error")) {
			return "the connection to the media server failed";
		}
		return message.replaceAll("\\s+", " ").strip();
	}

	private boolean pause(Duration backoff) {
		try {
			TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Stops publishing: the feed ends, so a blocked read returns at once. */
	String cameraId() {
		return this.cameraId;
	}

	void stop() {
		this.stopped = true;
		Mp4Feed current = this.feed;
		if (current != null) {
			current.close();
		}
	}

	/**
	 * A recorder whose start (connecting to the media server, up to its I/O timeout) does
	 * not hold JavaCV's lock of the whole JVM, as {@code start(AVFormatContext)} would.
	 */
	private static final class UnlockedRecorder extends FFmpegFrameRecorder {

		UnlockedRecorder(String url, int width, int height) {
			super(url, width, height, 0);
		}

		@Override
		public void start() throws Exception {
			startUnsafe();
		}

	}

}
