package io.camdash.camera.source;

import java.io.IOException;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A source whose frames arrive already encoded as images: JPEG (a Raspberry Pi camera's
 * hardware encoder, an MJPEG network camera, a snapshot URL) or now and then PNG. The
 * capture loop takes each frame as the camera sent it and decodes it only when something
 * needs its pixels, so a JPEG can reach viewers without a decode and a new encode.
 */
public interface EncodedFrameSource extends FrameSource {

	/**
	 * The next frame as the camera encoded it, not decoded. The array is the caller's:
	 * the source never writes to it again. Blocks while a live source waits for its next
	 * frame.
	 */
	byte[] grabEncoded() throws IOException, InterruptedException;

	/**
	 * Decodes a frame that {@link #grabEncoded()} gave. The image belongs to the source
	 * and stays valid until the next decode or grab, like {@link #grab()}'s.
	 * @throws IOException when the bytes hold no image that can be decoded
	 */
	Mat decode(byte[] encoded) throws IOException;

	/**
	 * Whether {@link #grabEncoded()} may be used, asked once after {@link #open()}: a
	 * source that found out on opening that it reads video says false, and is then read
	 * with {@link #grab()} only.
	 */
	default boolean givesEncodedFrames() {
		return true;
	}

	@Override
	default Mat grab() throws IOException, InterruptedException {
		return decode(grabEncoded());
	}

}
