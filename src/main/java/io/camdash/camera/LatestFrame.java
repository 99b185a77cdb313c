package io.camdash.camera;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The newest frame of a camera, encoded once and shared by every consumer. Immutable:
 * nobody may write into its arrays.
 *
 * @param jpeg the JPEG image
 * @param sequence increases by one for every frame the camera publishes, NO SIGNAL frames
 * included
 * @param capturedAt when the image was captured
 * @param width image width in pixels
 * @param height image height in pixels
 * @param live true for a camera image, false for a generated NO SIGNAL frame
 * @param mjpegPart the complete multipart part (headers, JPEG, next boundary), so a
 * viewer sends a frame in one write; read-only, and each writer takes its own
 * {@link ByteBuffer#duplicate() duplicate}
 * @param reducedPart the same frame, smaller, as a complete part with the same timestamp,
 * for viewers that cannot keep up; null when no viewer of the camera wanted it (read-only
 * like {@code mjpegPart})
 */
public record LatestFrame(byte[] jpeg, long sequence, Instant capturedAt, int width, int height, boolean live,
		ByteBuffer mjpegPart, ByteBuffer reducedPart) {

	/** Milliseconds since capture, as seen now. */
	public long ageMillis() {
		return System.currentTimeMillis() - this.capturedAt.toEpochMilli();
	}

}
