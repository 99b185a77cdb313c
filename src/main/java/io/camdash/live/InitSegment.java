package io.camdash.live;

/**
 * The start of a stream: what a player must receive before any fragment, and the MIME
 * type it must create its buffer with.
 *
 * @param bytes {@code ftyp} + {@code moov}
 * @param codec the MIME codec parameter, such as {@code avc1.42C01F}
 * @param width picture width
 * @param height picture height
 * @param startMillis capture time (epoch milliseconds) of media time zero, so a player
 * can tell how far behind the camera it shows
 */
record InitSegment(byte[] bytes, String codec, int width, int height, long startMillis) {

	/** The MIME type with its codec, as {@code MediaSource.addSourceBuffer} takes it. */
	String mimeType() {
		return "video/mp4; codecs=\"" + this.codec + "\"";
	}

}
