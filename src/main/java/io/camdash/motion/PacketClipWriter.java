package io.camdash.motion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import io.camdash.camera.source.H264Packet;
import io.camdash.camera.source.H264Track;
import io.micrometer.core.instrument.Counter;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.jspecify.annotations.Nullable;

/**
 * Writes a clip from the camera's own H.264 packets, copied into an MP4 as they came:
 * nothing is decoded or encoded, so the clip is the camera's picture at the camera's
 * quality, for almost no CPU. FFmpeg's MP4 muxer takes the packets as the source has them
 * (Annex B start codes or length prefixes) and the decoder configuration from the track
 * (or the first keyframe). Timestamps are the packets' own, from zero; one going back or
 * jumping more than {@link #MAX_GAP_SECONDS} continues one frame later. Each packet is
 * written once the next one tells how long it shows.
 */
final class PacketClipWriter implements ClipWriter {

	private static final long MAX_GAP_SECONDS = 10;

	private final int fallbackFps;

	private final Counter copied;

	private @Nullable AVFormatContext output;

	private @Nullable AVStream stream;

	private final AVPacket packet = avcodec.av_packet_alloc();

	private @Nullable H264Track track;

	private @Nullable AVRational trackBase;

	private @Nullable Instant start;

	/** The packet written next, held until the following one gives its duration. */
	private @Nullable H264Packet held;

	private long heldDts;

	private long heldPts;

	/** Source time minus clip time, in track ticks. */
	private long offset;

	private long lastDts = -1;

	/** Ticks per frame the track announces, until packets show theirs. */
	private long frameTicks;

	/** Ticks between the last two packets, or 0 before there were two. */
	private long lastDuration;

	private int frames;

	private boolean closed;

	/**
	 * @param fallbackFps frames per second to assume when the track does not say and
	 * packets carry no time
	 * @param copied counts the packets copied
	 */
	PacketClipWriter(int fallbackFps, Counter copied) {
		this.fallbackFps = Math.max(1, fallbackFps);
		this.copied = copied;
	}

	@Override
	public Class<ClipPacket> items() {
		return ClipPacket.class;
	}

	@Override
	public void write(Path file, ClipItem item) throws Exception {
		H264Packet next = ((ClipPacket) item).packet();
		if (this.output == null) {
			open(file, next.track());
			this.start = next.receivedAt();
		}
		else if (next.track() != this.track) {
			// The source was reopened: its timeline and parameter sets start over.
			return;
		}
		long dts = clipTime(next);
		long pts = (next.pts() != H264Packet.NO_TIME && next.dts() != H264Packet.NO_TIME)
				? dts + (next.pts() - next.dts()) : dts;
		if (this.held != null) {
			this.lastDuration = dts - this.heldDts;
			writeHeld(this.lastDuration);
		}
		this.held = next;
		this.heldDts = dts;
		this.heldPts = pts;
	}

	/** The packet's decode time on the clip's timeline, in track ticks, always rising. */
	private long clipTime(H264Packet next) {
		long source = (next.dts() != H264Packet.NO_TIME) ? next.dts() : next.pts();
		long following = this.lastDts + step();
		long dts;
		if (this.lastDts < 0) {
			this.offset = (source != H264Packet.NO_TIME) ? source : 0;
			dts = 0;
		}
		else if (source == H264Packet.NO_TIME) {
			dts = following;
		}
		else {
			dts = source - this.offset;
			long maxGap = MAX_GAP_SECONDS * this.track.timeBaseDen() / Math.max(1, this.track.timeBaseNum());
			if (dts <= this.lastDts || dts - this.lastDts > maxGap) {
				this.offset = source - following;
				dts = following;
			}
		}
		this.lastDts = dts;
		return dts;
	}

	/** How long a frame shows, in track ticks: as measured, else as announced. */
	private long step() {
		return (this.lastDuration > 0) ? this.lastDuration : this.frameTicks;
	}

	private void open(Path file, H264Track first) throws IOException {
		this.track = first;
		this.trackBase = avutil.av_make_q(first.timeBaseNum(), first.timeBaseDen());
		double fps = (first.frameRate() >= 1 && first.frameRate() <= 240) ? first.frameRate() : this.fallbackFps;
		this.frameTicks = Math.max(1, Math.round(first.timeBaseDen() / (first.timeBaseNum() * fps)));
		// "file:" so that a colon in the folder's name is not taken for a protocol.
		String url = "file:" + file.toAbsolutePath();
		AVFormatContext opening = new AVFormatContext(null);
		check(avformat.avformat_alloc_output_context2(opening, null, "mp4", url), "cannot make an MP4");
		this.output = opening;
		AVStream video = avformat.avformat_new_stream(opening, null);
		if (video == null) {
			throw new IOException("cannot add a video track to the clip");
		}
		this.stream = video;
		AVCodecParameters parameters = video.codecpar();
		parameters.codec_type(avutil.AVMEDIA_TYPE_VIDEO);
		parameters.codec_id(avcodec.AV_CODEC_ID_H264);
		parameters.width(first.width());
		parameters.height(first.height());
		byte[] extradata = first.extradata();
		if (extradata.length > 0) {
			// FFmpeg frees it with the context: allocated by FFmpeg, with its padding.
			BytePointer copy = new BytePointer(
					avutil.av_mallocz(extradata.length + avcodec.AV_INPUT_BUFFER_PADDING_SIZE));
			copy.capacity(extradata.length).put(extradata);
			parameters.extradata(copy);
			parameters.extradata_size(extradata.length);
		}
		video.time_base(this.trackBase);
		AVIOContext io = new AVIOContext(null);
		check(avformat.avio_open(io, url, avformat.AVIO_FLAG_WRITE), "cannot create the clip's file");
		opening.pb(io);
		AVDictionary options = new AVDictionary(null);
		// The index at the front, so a browser starts playing before it has the file.
		avutil.av_dict_set(options, "movflags", "+faststart", 0);
		try {
			check(avformat.avformat_write_header(opening, options), "cannot start the clip");
		}
		finally {
			avutil.av_dict_free(options);
		}
	}

	private void writeHeld(long duration) throws IOException {
		H264Packet writing = this.held;
		byte[] data = writing.data();
		check(avcodec.av_new_packet(this.packet, data.length), "out of memory for a packet");
		this.packet.data().put(data);
		AVRational base = this.stream.time_base();
		this.packet.stream_index(this.stream.index());
		this.packet.dts(avutil.av_rescale_q(this.heldDts, this.trackBase, base));
		this.packet.pts(avutil.av_rescale_q(this.heldPts, this.trackBase, base));
		this.packet.duration(avutil.av_rescale_q(Math.max(1, duration), this.trackBase, base));
		this.packet.flags(writing.keyframe() ? avcodec.AV_PKT_FLAG_KEY : 0);
		// Takes the packet's data, and leaves the packet empty for the next one.
		check(avformat.av_interleaved_write_frame(this.output, this.packet), "cannot write the clip");
		this.copied.increment();
		this.frames++;
		this.held = null;
	}

	@Override
	public Written finish() throws Exception {
		if (this.held == null || this.start == null) {
			throw new IllegalStateException("no frames for the clip");
		}
		long end = this.heldDts + step();
		writeHeld(step());
		check(avformat.av_write_trailer(this.output), "cannot complete the clip");
		double seconds = end * (double) this.track.timeBaseNum() / this.track.timeBaseDen();
		return new Written(this.start, seconds, this.frames);
	}

	private static void check(int result, String problem) throws IOException {
		if (result < 0) {
			throw new IOException(problem + " (error " + result + ")");
		}
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.output != null) {
			AVIOContext io = this.output.pb();
			if (io != null && !io.isNull()) {
				avformat.avio_close(io);
			}
			avformat.avformat_free_context(this.output);
			this.output = null;
		}
		avcodec.av_packet_free(this.packet);
	}

}
