package io.camdash.live;

import org.jspecify.annotations.Nullable;

/**
 * The start of a stream: what a player must receive before any fragment, and the MIME
 * type it must create its buffer with. A stream with audio has two: with the audio track,
 * and without it for players that play video only.
 *
 * @param bytes {@code ftyp} + {@code moov} of the video track only
 * @param codec the video's MIME codec parameter, such as {@code avc1.42C01F}
 * @param width picture width
 * @param height picture height
 * @param startMillis capture time (epoch milliseconds) of media time zero, so a player
 * can tell how far behind the camera it shows
 * @param audioCodec the audio's MIME codec parameter, such as {@code mp4a.40.2}, or null
 * without audio
 * @param withAudio {@code ftyp} + {@code moov} of both tracks, or null without audio
 */
record InitSegment(byte[] bytes, String codec, int width, int height, long startMillis, @Nullable String audioCodec,
		byte @Nullable [] withAudio) {

	/** A stream of video only. */
	InitSegment(byte[] bytes, String codec, int width, int height, long startMillis) {
		this(bytes, codec, width, height, startMillis, null, null);
	}

	/** The segment's bytes, with the audio track if asked for and there is one. */
	byte[] bytes(boolean audio) {
		return (audio && this.withAudio != null) ? this.withAudio : this.bytes;
	}

	/**
	 * The codecs parameter: the video's, and the audio's if asked for and there is one.
	 */
	String codecs(boolean audio) {
		return (audio && this.audioCodec != null) ? this.codec + "," + this.audioCodec : this.codec;
	}

	/** The MIME type with its codecs, as {@code MediaSource.addSourceBuffer} takes it. */
	String mimeType(boolean audio) {
		return "video/mp4; codecs=\"" + codecs(audio) + "\"";
	}

}
