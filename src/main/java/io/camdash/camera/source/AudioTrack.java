package io.camdash.camera.source;

import java.util.Locale;
import java.util.Map;

/**
 * A source's audio as FFmpeg describes it once the source is open. One instance per
 * opening of the source, so a consumer can tell a reopened source by identity.
 *
 * @param codec FFmpeg's name of the codec, such as {@code aac} or {@code pcm_mulaw}
 * @param config the decoder configuration: for AAC its AudioSpecificConfig; empty when
 * the source gives none
 * @param sampleRate samples per second
 * @param channels how many channels
 * @param timeBaseNum numerator of the packets' time base (seconds per tick)
 * @param timeBaseDen denominator of the packets' time base
 */
public record AudioTrack(String codec, byte[] config, int sampleRate, int channels, int timeBaseNum, int timeBaseDen) {

	/** Names people know codecs by, where FFmpeg's differ. */
	private static final Map<String, String> NAMES = Map.of("aac", "AAC", "pcm_mulaw", "G.711 µ-law", "pcm_alaw",
			"G.711 A-law", "opus", "Opus", "mp3", "MP3", "adpcm_g726", "G.726", "adpcm_g722", "G.722", "pcm_s16be",
			"PCM", "pcm_s16le", "PCM");

	/**
	 * Whether camdash passes this audio on: AAC with its configuration (MP4 carries it,
	 * every browser plays it).
	 */
	public boolean passable() {
		return "aac".equals(this.codec) && this.config.length >= 2 && this.sampleRate > 0;
	}

	/** The codec's name as people know it, such as {@code AAC} or {@code G.711 µ-law}. */
	public String displayName() {
		return NAMES.getOrDefault(this.codec, this.codec.toUpperCase(Locale.ROOT));
	}

}
