package io.camdash.live;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YUV_I420;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Encodes BGR images to H.264 with OpenH264 (through FFmpeg's libopenh264 wrapper, LGPL):
 * constrained baseline, no B-frames, so each image comes out at once as one access unit.
 * Used by one thread at a time; close it when done.
 */
final class H264Encoder implements AutoCloseable {

	private final int width;

	private final int height;

	private final AVCodecContext context;

	private final AVFrame frame;

	private final AVPacket packet;

	private final Mat yuv = new Mat();

	private final byte[] sps;

	private final byte[] pps;

	private long frameNumber;

	/**
	 * An encoder for images of this size (even numbers; odd ones lose their last column
	 * or row).
	 * @param fps frames per second the rate control plans for
	 * @param bitsPerSecond target bit rate
	 * @param keyframeInterval frames from one keyframe to the next
	 */
	H264Encoder(int width, int height, int fps, long bitsPerSecond, int keyframeInterval) {
		this.width = width & ~1;
		this.height = height & ~1;
		AVCodec codec = avcodec.avcodec_find_encoder_by_name("libopenh264");
		if (codec == null) {
			throw new IllegalStateException("this FFmpeg build has no OpenH264 encoder");
		}
		this.context = avcodec.avcodec_alloc_context3(codec);
		this.context.width(this.width)
			.height(this.height)
			.pix_fmt(avutil.AV_PIX_FMT_YUV420P)
			.time_base(avutil.av_make_q(1, fps))
			.framerate(avutil.av_make_q(fps, 1))
			.bit_rate(bitsPerSecond)
			.gop_size(keyframeInterval)
			.max_b_frames(0)
			.thread_count(1);
		// Parameter sets once in extradata, for the MP4 decoder configuration.
		this.context.flags(this.context.flags() | avcodec.AV_CODEC_FLAG_GLOBAL_HEADER);
		AVDictionary options = new AVDictionary();
		avutil.av_dict_set(options, "rc_mode", "bitrate", 0);
		avutil.av_dict_set(options, "profile", "constrained_baseline", 0);
		avutil.av_dict_set(options, "allow_skip_frames", "0", 0);
		int opened = avcodec.avcodec_open2(this.context, codec, options);
		avutil.av_dict_free(options);
		if (opened < 0) {
			avcodec.avcodec_free_context(this.context);
			throw new IllegalStateException(
					"OpenH264 refused " + this.width + "x" + this.height + " (error " + opened + ")");
		}
		byte[] extradata = new byte[this.context.extradata_size()];
		this.context.extradata().get(extradata);
		byte[] foundSps = null;
		byte[] foundPps = null;
		for (byte[] unit : H264Units.fromAnnexB(extradata, extradata.length)) {
			if (H264Units.type(unit) == H264Units.SPS && foundSps == null) {
				foundSps = unit;
			}
			else if (H264Units.type(unit) == H264Units.PPS && foundPps == null) {
				foundPps = unit;
			}
		}
		if (foundSps == null || foundPps == null) {
			close();
			throw new IllegalStateException("OpenH264 gave no parameter sets");
		}
		this.sps = foundSps;
		this.pps = foundPps;
		this.frame = avutil.av_frame_alloc();
		this.frame.format(avutil.AV_PIX_FMT_YUV420P).width(this.width).height(this.height);
		this.packet = avcodec.av_packet_alloc();
	}

	int width() {
		return this.width;
	}

	int height() {
		return this.height;
	}

	byte[] sps() {
		return this.sps;
	}

	byte[] pps() {
		return this.pps;
	}

	/**
	 * Encodes one image (as big as the encoder, or bigger: the excess is cut).
	 * @param image a BGR image
	 * @param keyframe whether to force a keyframe
	 * @return the access unit's units without parameter sets or delimiters, and whether
	 * it is a keyframe; null if the encoder skipped the image
	 */
	EncodedFrame encode(Mat image, boolean keyframe) {
		Mat source = image;
		if (image.cols() != this.width || image.rows() != this.height) {
			source = image.apply(new org.bytedeco.opencv.opencv_core.Rect(0, 0, this.width, this.height));
		}
		try {
			cvtColor(source, this.yuv, COLOR_BGR2YUV_I420);
		}
		finally {
			if (source != image) {
				source.close();
			}
		}
		BytePointer planes = this.yuv.data();
		int lumaSize = this.width * this.height;
		this.frame.data(0, planes)
			.data(1, new BytePointer(planes).position(lumaSize))
			.data(2, new BytePointer(planes).position(lumaSize + lumaSize / 4));
		this.frame.linesize(0, this.width).linesize(1, this.width / 2).linesize(2, this.width / 2);
		this.frame.pts(this.frameNumber++);
		this.frame.pict_type(keyframe ? avutil.AV_PICTURE_TYPE_I : avutil.AV_PICTURE_TYPE_NONE);
		int sent = avcodec.avcodec_send_frame(this.context, this.frame);
		if (sent < 0) {
			throw new IllegalStateException("OpenH264 failed to encode a frame (error " + sent + ")");
		}
		List<byte[]> units = new ArrayList<>();
		boolean key = false;
		int received;
		while ((received = avcodec.avcodec_receive_packet(this.context, this.packet)) >= 0) {
			byte[] data = new byte[this.packet.size()];
			this.packet.data().get(data);
			key |= (this.packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0;
			for (byte[] unit : H264Units.fromAnnexB(data, data.length)) {
				int type = H264Units.type(unit);
				if (type != H264Units.SPS && type != H264Units.PPS && type != H264Units.AUD) {
					units.add(unit);
				}
			}
			avcodec.av_packet_unref(this.packet);
		}
		if (received != avutil.AVERROR_EAGAIN()) {
			throw new IllegalStateException("OpenH264 failed to encode a frame (error " + received + ")");
		}
		return units.isEmpty() ? null : new EncodedFrame(H264Units.toLengthPrefixed(units), key);
	}

	@Override
	public void close() {
		if (this.packet != null) {
			avcodec.av_packet_free(this.packet);
		}
		if (this.frame != null) {
			avutil.av_frame_free(this.frame);
		}
		avcodec.avcodec_free_context(this.context);
		this.yuv.close();
	}

	/** One encoded image: an MP4 sample, and whether a decoder may start there. */
	record EncodedFrame(byte[] sample, boolean keyframe) {
	}

}
