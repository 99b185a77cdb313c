package io.camdash.camera.source;

import java.io.IOException;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FrameSource} that can also hand out its H.264 video as packets, so the camera
 * passes them through and decodes images only while someone needs them. When
 * {@link #h264Track()} is not null the capture uses {@link #readPacket()} and
 * {@link #decode}, never {@link FrameSource#grab()}. Used by one thread, like every
 * source.
 */
public interface PacketSource extends FrameSource {

	/**
	 * The source's H.264 video once it is open, or null when its video is another codec
	 * (then only {@link FrameSource#grab()} works).
	 */
	@Nullable H264Track h264Track();

	/**
	 * The next packet of the track; packets of other streams are skipped. Blocks while a
	 * live source waits for data.
	 */
	H264Packet readPacket() throws IOException;

	/**
	 * Decodes a packet, in stream order. A decoder starting (first call, or the first
	 * after {@link #stopDecoding()}) must be given a keyframe first.
	 * @return the newest decoded BGR image (owned by the source, valid until the next
	 * call), or null when this packet completed none
	 */
	@Nullable Mat decode(H264Packet packet) throws IOException;

	/** Forgets the decoder's state: nobody needs images for now. */
	void stopDecoding();

	/** The source's audio once it is open, or null when it has none. */
	default @Nullable AudioTrack audioTrack() {
		return null;
	}

	/**
	 * The audio packets read on the way to the last video packet, oldest first, and
	 * forgotten by the source; only audio camdash passes on
	 * ({@link AudioTrack#passable()}) is kept.
	 */
	default List<AudioPacket> takeAudio() {
		return List.of();
	}

}
