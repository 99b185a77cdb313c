package io.camdash.camera.source;

import java.time.Instant;

/**
 * One H.264 access unit as the source sent it, copied out of FFmpeg's packet.
 *
 * @param track the track it belongs to
 * @param data the units: Annex B (start codes) or length-prefixed, as the source has them
 * @param pts presentation time in the track's time base, or {@link #NO_TIME}
 * @param dts decode time in the track's time base, or {@link #NO_TIME}
 * @param keyframe whether a decoder may start here
 * @param receivedAt when camdash read it
 */
public record H264Packet(H264Track track, byte[] data, long pts, long dts, boolean keyframe, Instant receivedAt) {

	/** A timestamp the source did not give. */
	public static final long NO_TIME = Long.MIN_VALUE;

}
