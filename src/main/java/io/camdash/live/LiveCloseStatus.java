package io.camdash.live;

import java.nio.charset.StandardCharsets;

/**
 * Close codes of the live WebSocket (4000-4999 are for applications), mirroring HTTP
 * statuses, each sent with a reason a person can read.
 */
final class LiveCloseStatus {

	/** Not signed in, or no right to watch. */
	static final int UNAUTHORIZED = 4401;

	/** No camera has the id in the URL. */
	static final int UNKNOWN_CAMERA = 4404;

	/** The browser never said which codecs it plays. */
	static final int NO_HELLO = 4408;

	/** The browser plays none of the codecs the camera sends. */
	static final int UNSUPPORTED_CODECS = 4415;

	/** The stream ended on the server's side (shutdown, H.264 unavailable). */
	static final int ENDED = 4500;

	/** camdash serves its most viewers already. */
	static final int TOO_MANY_VIEWERS = 4503;

	/** A close reason is at most 123 bytes of UTF-8. */
	private static final int MAX_REASON_BYTES = 123;

	private LiveCloseStatus() {
	}

	static String shortened(String reason) {
		String shortened = reason;
		while (shortened.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
			shortened = shortened.substring(0, shortened.length() - 2) + "…";
		}
		return shortened;
	}

}
