package io.camdash.live;

/**
 * The start of a stream: what a player must receive before any fragment, and the MIME
 * type it must create its buffer with.
 *
 * @param bytes {@code ftyp} + {@code moov}
 * @param codec the MIME codec parameter, such as {@code avc1.42C01F}
 * @param width picture width
 * @param height picture height
 */
record InitSegment(byte[] bytes, String codec, int width, int height) {

	/** The MIME type with its codec, as {@code MediaSource.addSourceBuffer} takes it. */
	String mimeType() {
		return "video/mp4; codecs=\"" + this.codec + "\"";
	}

}
