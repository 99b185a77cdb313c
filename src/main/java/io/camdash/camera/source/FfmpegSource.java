package io.camdash.camera.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;

/**
 * A video file (looped, paced at its own frame rate), a network camera (RTSP, RTMP, HTTP)
 * or a program's output (a Pi camera's H.264) through FFmpeg. When its video is H.264 it
 * also hands out packets (see {@link PacketSource}), decoded by a decoder of its own only
 * when asked, and its AAC audio's packets read along the way.
 * <p>
 * About 290 lines: opening, describing the streams and reading packets or images all work
 * on the one FFmpeg context, used by one thread.
 */
final class FfmpegSource implements PacketSource {

	static {
		// FFmpeg prints to stderr by default; keep only its errors, through our logging.
		avutil.av_log_set_level(avutil.AV_LOG_ERROR);
		FFmpegLogCallback.set();
	}

	/** Audio packets kept for the camera at most, between two video packets. */
	private static final int MAX_AUDIO_PACKETS = 256;

	private final SourceSettings settings;

	private final boolean loop;

	/** The stream read instead of the source's location, or null. */
	private final @Nullable InputStream input;

	/** FFmpeg's name of the input's format, when reading {@link #input}. */
	private final @Nullable String inputFormat;

	private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();

	private FFmpegFrameGrabber grabber;

	private long intervalNanos;

	private @Nullable H264Track track;

	private int videoIndex = -1;

	private @Nullable AudioTrack audio;

	private int audioIndex = -1;

	private final List<AudioPacket> audioRead = new ArrayList<>();

	private @Nullable PacketDecoder decoder;

	FfmpegSource(SourceSettings settings) {
		this.settings = settings;
		this.loop = settings.source().kind() == SourceSpec.Kind.FILE;
		this.input = null;
		this.inputFormat = null;
	}

	/**
	 * Reads a live stream of the given format (FFmpeg's name, such as {@code h264}) at
	 * the camera's fps.
	 */
	FfmpegSource(SourceSettings settings, InputStream input, String format) {
		this.settings = settings;
		this.loop = false;
		this.input = input;
		this.inputFormat = format;
	}

	@Override
	public void open() throws IOException {
		FFmpegFrameGrabber opening = (this.input != null) ? new FFmpegFrameGrabber(this.input, 0)
				: new FFmpegFrameGrabber(this.settings.source().location());
		opening.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
		if (this.inputFormat != null) {
			opening.setFormat(this.inputFormat);
			// A raw stream has no timestamps: FFmpeg makes them at this rate.
			opening.setOption("framerate", Integer.toString(this.settings.fps()));
		}
		else if (!this.loop) {
			String micros = Long.toString(this.settings.stallTimeout().toNanos() / 1000);
			// Without these a dead network camera blocks grab() for minutes.
			opening.setOption("rw_timeout", micros);
			if (!this.settings.source().location().regionMatches(true, 0, "rtmp", 0, 4)) {
				// For RTMP "timeout" means listen for a publisher instead of connecting.
				opening.setOption("timeout", micros);
			}
			if (this.settings.source().location().startsWith("rtsp")) {
				opening.setOption("rtsp_transport", "tcp");
			}
		}
		try {
			// Not start(): JavaCV holds one lock of the whole JVM through it, network
			// waits included, so a camera that does not answer held up every other
			// camera's opening, publishing and clips for its whole timeout. FFmpeg's
			// own functions have been thread-safe since 4.0.
			opening.startUnsafe();
		}
		catch (FrameGrabber.Exception ex) {
			closeQuietly(opening);
			throw new IOException("cannot open " + this.settings.source().describeForViewers() + ": " + explain(ex),
					ex);
		}
		this.grabber = opening;
		this.track = findH264Track(opening.getFormatContext());
		this.audio = findAudioTrack(opening.getFormatContext());
		double rate = opening.getFrameRate();
		this.intervalNanos = (!this.loop) ? 0
				: (long) (1_000_000_000L / ((rate > 0.5 && rate <= 240) ? rate : this.settings.fps()));
	}

	/** The first video stream, described, if it is H.264. */
	private @Nullable H264Track findH264Track(AVFormatContext format) {
		for (int i = 0; i < format.nb_streams(); i++) {
			AVStream stream = format.streams(i);
			AVCodecParameters parameters = stream.codecpar();
			if (parameters.codec_type() != avutil.AVMEDIA_TYPE_VIDEO) {
				continue;
			}
			if (parameters.codec_id() != avcodec.AV_CODEC_ID_H264) {
				return null;
			}
			this.videoIndex = i;
			byte[] extradata = new byte[Math.max(0, parameters.extradata_size())];
			if (extradata.length > 0) {
				parameters.extradata().get(extradata);
			}
			double rate = (stream.avg_frame_rate().den() != 0)
					? stream.avg_frame_rate().num() / (double) stream.avg_frame_rate().den() : 0;
			return new H264Track(extradata, parameters.width(), parameters.height(), stream.time_base().num(),
					stream.time_base().den(), rate);
		}
		return null;
	}

	/** The first audio stream, described. */
	private @Nullable AudioTrack findAudioTrack(AVFormatContext format) {
		for (int i = 0; i < format.nb_streams(); i++) {
			AVStream stream = format.streams(i);
			AVCodecParameters parameters = stream.codecpar();
			if (parameters.codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
				this.audioIndex = i;
				byte[] config = new byte[Math.max(0, parameters.extradata_size())];
				if (config.length > 0) {
					parameters.extradata().get(config);
				}
				String codec = avcodec.avcodec_get_name(parameters.codec_id()).getString();
				return new AudioTrack(codec, config, parameters.sample_rate(), parameters.ch_layout().nb_channels(),
						stream.time_base().num(), stream.time_base().den());
			}
		}
		return null;
	}

	@Override
	public @Nullable AudioTrack audioTrack() {
		return this.audio;
	}

	@Override
	public List<AudioPacket> takeAudio() {
		if (this.audioRead.isEmpty()) {
			return List.of();
		}
		List<AudioPacket> taken = List.copyOf(this.audioRead);
		this.audioRead.clear();
		return taken;
	}

	@Override
	public @Nullable H264Track h264Track() {
		return this.track;
	}

	@Override
	public H264Packet readPacket() throws IOException {
		H264Track current = this.track;
		if (current == null) {
			throw new IllegalStateException("not an H.264 source");
		}
		try {
			while (true) {
				AVPacket packet = this.grabber.grabPacket();
				if (packet == null && this.loop) {
					// Seeking through FFmpeg, not the grabber: the grabber would decode
					// its way to the time.
					avformat.av_seek_frame(this.grabber.getFormatContext(), -1, 0, avformat.AVSEEK_FLAG_BACKWARD);
					packet = this.grabber.grabPacket();
				}
				if (packet == null) {
					throw new IOException(this.settings.source().describeForViewers() + " ended");
				}
				try {
					if (packet.stream_index() == this.videoIndex && packet.size() > 0) {
						byte[] data = new byte[packet.size()];
						packet.data().get(data);
						return new H264Packet(current, data, time(packet.pts()), time(packet.dts()),
								(packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0, Instant.now());
					}
					if (packet.stream_index() == this.audioIndex && packet.size() > 0 && this.audio != null
							&& this.audio.passable() && this.audioRead.size() < MAX_AUDIO_PACKETS) {
						byte[] data = new byte[packet.size()];
						packet.data().get(data);
						this.audioRead.add(new AudioPacket(this.audio, data, time(packet.pts()),
								Math.max(0, packet.duration()), Instant.now()));
					}
				}
				finally {
					avcodec.av_packet_unref(packet);
				}
			}
		}
		catch (FrameGrabber.Exception ex) {
			throw new IOException("reading " + this.settings.source().describeForViewers() + " failed: " + explain(ex),
					ex);
		}
	}

	private static long time(long ffmpegTime) {
		return (ffmpegTime == avutil.AV_NOPTS_VALUE) ? H264Packet.NO_TIME : ffmpegTime;
	}

	@Override
	public @Nullable Mat decode(H264Packet packet) throws IOException {
		if (this.decoder == null) {
			this.decoder = new PacketDecoder(this.grabber.getFormatContext().streams(this.videoIndex).codecpar());
		}
		return this.decoder.decode(packet);
	}

	@Override
	public void stopDecoding() {
		if (this.decoder != null) {
			this.decoder.reset();
		}
	}

	/**
	 * Whether FFmpeg found one still image (a JPEG or PNG answer) rather than a stream;
	 * asked after {@link #open()}.
	 */
	boolean isOneImage() {
		String format = this.grabber.getFormatContext().iformat().name().getString();
		return "jpeg_pipe".equals(format) || "png_pipe".equals(format);
	}

	@Override
	public Mat grab() throws IOException {
		try {
			Frame frame = this.grabber.grabImage();
			if (frame == null && this.loop) {
				this.grabber.setTimestamp(0L);
				frame = this.grabber.grabImage();
			}
			if (frame == null) {
				throw new IOException(this.settings.source().describeForViewers() + " ended");
			}
			return this.converter.convert(frame);
		}
		catch (FrameGrabber.Exception ex) {
			throw new IOException("reading " + this.settings.source().describeForViewers() + " failed: " + explain(ex),
					ex);
		}
	}

	@Override
	public long frameIntervalNanos() {
		return this.intervalNanos;
	}

	@Override
	public void close() {
		if (this.decoder != null) {
			this.decoder.close();
			this.decoder = null;
		}
		if (this.grabber != null) {
			closeQuietly(this.grabber);
		}
		this.converter.close();
	}

	/**
	 * What went wrong in camdash's words ({@link FfmpegErrors}); JavaCV's own message,
	 * without the URL's credentials and its hints for programmers, when it carries no
	 * error code.
	 */
	private String explain(FrameGrabber.Exception ex) {
		String javacv = String.valueOf(ex.getMessage())
			.replace(this.settings.source().location(), this.settings.source().describeForViewers())
			.replaceAll("\\s*\\((Has setFormat|For more details)[^)]*\\)", "");
		return FfmpegErrors.inWords(ex.getMessage(), javacv);
	}

	private static void closeQuietly(FFmpegFrameGrabber grabber) {
		try {
			grabber.close();
		}
		catch (FrameGrabber.Exception ex) {
			// Nothing left to release: the grabber frees its native state before it
			// throws.
		}
	}

}
