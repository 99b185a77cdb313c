package io.camdash.camera;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The multipart/x-mixed-replace framing. Each part ends with the next boundary, so a
 * browser (Chromium shows a part only once the following boundary arrives) displays every
 * frame as soon as it is sent.
 */
final class MjpegFormat {

	static final String BOUNDARY = "camdashframe";

	static final String CONTENT_TYPE = "multipart/x-mixed-replace; boundary=" + BOUNDARY;

	/** Sent once, before the first part. */
	static final byte[] PREAMBLE = ("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII);

	private static final byte[] TRAILER = ("\r\n--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII);

	private MjpegFormat() {
	}

	/** The whole part, read-only: every viewer's write reads this one buffer. */
	static ByteBuffer part(byte[] jpeg, Instant capturedAt) {
		byte[] headers = ("Content-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\nX-Timestamp: "
				+ timestamp(capturedAt) + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		ByteBuffer part = ByteBuffer.allocate(headers.length + jpeg.length + TRAILER.length);
		part.put(headers).put(jpeg).put(TRAILER).flip();
		return part.asReadOnlyBuffer();
	}

	/** Epoch seconds with microseconds, as mjpg-streamer and µStreamer send it. */
	static String timestamp(Instant instant) {
		return instant.getEpochSecond() + "." + String.format("%06d", instant.getNano() / 1000);
	}

}
