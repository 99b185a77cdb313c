package io.camdash.camera;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The multipart/x-mixed-replace framing. Each part ends with the next boundary, so a browser (Chromium
 * shows a part only once the following boundary arrives) displays every frame as soon as it is sent.
 */
final class MjpegFormat {

	static final String BOUNDARY = "camdashframe";

	static final String CONTENT_TYPE = "multipart/x-mixed-replace; boundary=" + BOUNDARY;

	/** Sent once, before the first part. */
	static final byte[] PREAMBLE = ("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII);

	private static final byte[] TRAILER = ("\r\n--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII);

	private MjpegFormat() {
	}

	static byte[] part(byte[] jpeg, Instant capturedAt) {
		byte[] headers = ("Content-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\nX-Timestamp: "
				+ timestamp(capturedAt) + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] part = new byte[headers.length + jpeg.length + TRAILER.length];
		System.arraycopy(headers, 0, part, 0, headers.length);
		System.arraycopy(jpeg, 0, part, headers.length, jpeg.length);
		System.arraycopy(TRAILER, 0, part, headers.length + jpeg.length, TRAILER.length);
		return part;
	}

	/** Epoch seconds with microseconds, as mjpg-streamer and µStreamer send it. */
	static String timestamp(Instant instant) {
		return instant.getEpochSecond() + "." + String.format("%06d", instant.getNano() / 1000);
	}

}
