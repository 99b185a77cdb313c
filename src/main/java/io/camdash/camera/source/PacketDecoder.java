package io.camdash.camera.source;

import java.io.IOException;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * Decodes a stream's packets to BGR images with a decoder of our own, opened from the
 * stream's codec parameters, so packets read once can be both passed through and, when
 * someone needs images, decoded. One thread at a time; close it when done.
 */
final class PacketDecoder implements AutoCloseable {

	private final AVCodecContext context;

	private final AVPacket packet = avcodec.av_packet_alloc();

	private final AVFrame frame = avutil.av_frame_alloc();

	private final Mat image = new Mat();

	private @Nullable SwsContext scaler;

	PacketDecoder(AVCodecParameters parameters) throws IOException {
		AVCodec codec = avcodec.avcodec_find_decoder(parameters.codec_id());
		if (codec == null) {
			close(null);
			throw new IOException("this FFmpeg build has no decoder for the camera's video");
		}
		AVCodecContext opening = avcodec.avcodec_alloc_context3(codec);
		avcodec.avcodec_parameters_to_context(opening, parameters);
		// One thread: frame threads would hold images back by a frame each.
		opening.thread_count(1);
		int opened = avcodec.avcodec_open2(opening, codec, (AVDictionary) null);
		if (opened < 0) {
			close(opening);
			throw new IOException("cannot open the decoder for the camera's video (error " + opened + ")");
		}
		this.context = opening;
	}

	/** Decodes one packet; the newest image it completed, or null. */
	@Nullable Mat decode(H264Packet source) throws IOException {
		if (avcodec.av_new_packet(this.packet, source.data().length) < 0) {
			throw new IOException("out of memory for a packet of " + source.data().length + " bytes");
		}
		this.packet.data().put(source.data());
		this.packet.pts((source.pts() == H264Packet.NO_TIME) ? avutil.AV_NOPTS_VALUE : source.pts());
		this.packet.dts((source.dts() == H264Packet.NO_TIME) ? avutil.AV_NOPTS_VALUE : source.dts());
		this.packet.flags(source.keyframe() ? avcodec.AV_PKT_FLAG_KEY : 0);
		int sent = avcodec.avcodec_send_packet(this.context, this.packet);
		avcodec.av_packet_unref(this.packet);
		if (sent < 0 && sent != avutil.AVERROR_EAGAIN()) {
			// A damaged packet: the decoder recovers at a later one.
			return null;
		}
		Mat decoded = null;
		while (avcodec.avcodec_receive_frame(this.context, this.frame) >= 0) {
			decoded = toBgr();
			avutil.av_frame_unref(this.frame);
		}
		return decoded;
	}

	/** Forgets the pictures in flight; the next packet given must be a keyframe. */
	void reset() {
		avcodec.avcodec_flush_buffers(this.context);
	}

	private Mat toBgr() {
		int width = this.frame.width();
		int height = this.frame.height();
		if (this.image.cols() != width || this.image.rows() != height) {
			this.image.create(height, width, CV_8UC3);
		}
		this.scaler = swscale.sws_getCachedContext(this.scaler, width, height, this.frame.format(), width, height,
				avutil.AV_PIX_FMT_BGR24, swscale.SWS_BILINEAR, null, null, (DoublePointer) null);
		try (PointerPointer<?> target = new PointerPointer<>(1).put(this.image.data());
				IntPointer stride = new IntPointer(1).put((int) this.image.step())) {
			swscale.sws_scale(this.scaler, this.frame.data(), this.frame.linesize(), 0, height, target, stride);
		}
		return this.image;
	}

	@Override
	public void close() {
		close(this.context);
	}

	private void close(@Nullable AVCodecContext opened) {
		if (opened != null) {
			avcodec.avcodec_free_context(opened);
		}
		avcodec.av_packet_free(this.packet);
		avutil.av_frame_free(this.frame);
		if (this.scaler != null) {
			swscale.sws_freeContext(this.scaler);
		}
		this.image.close();
	}

}
