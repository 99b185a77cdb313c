package io.camdash.camera.source;

import org.jspecify.annotations.Nullable;

/**
 * The size of a JPEG image, read from its frame header without decoding it: how a frame
 * passed through as the camera sent it gets its width and height.
 *
 * @param width width in pixels
 * @param height height in pixels
 */
public record JpegSize(int width, int height) {

	/**
	 * The size of the JPEG image in the bytes, or null when they are not a JPEG image
	 * with a frame header before its scan (a PNG, something damaged).
	 */
	public static @Nullable JpegSize of(byte[] image) {
		if (image.length < 4 || (image[0] & 0xFF) != 0xFF || (image[1] & 0xFF) != 0xD8) {
			return null;
		}
		int at = 2;
		while (at + 4 <= image.length) {
			if ((image[at] & 0xFF) != 0xFF) {
				return null;
			}
			int marker = image[at + 1] & 0xFF;
			if (marker == 0xFF) {
				// A fill byte before the marker.
				at++;
				continue;
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				at += 2;
				continue;
			}
			if (marker == 0xD9 || marker == 0xDA) {
				return null;
			}
			int length = ((image[at + 2] & 0xFF) << 8) | (image[at + 3] & 0xFF);
			if (isFrameHeader(marker)) {
				if (at + 9 > image.length) {
					return null;
				}
				int height = ((image[at + 5] & 0xFF) << 8) | (image[at + 6] & 0xFF);
				int width = ((image[at + 7] & 0xFF) << 8) | (image[at + 8] & 0xFF);
				return (width > 0 && height > 0) ? new JpegSize(width, height) : null;
			}
			if (length < 2) {
				return null;
			}
			at += 2 + length;
		}
		return null;
	}

	/** SOF0 to SOF15, which are C0 to CF less DHT (C4), JPG (C8) and DAC (CC). */
	private static boolean isFrameHeader(int marker) {
		return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
	}

}
