package io.camdash.live;

import java.util.List;
import java.util.Set;

import io.camdash.camera.source.H264Track;

/**
 * Whether every browser plays a camera's own H.264 as it is (in Media Source Extensions
 * and in a {@code <video>} element): so live H.264 passes it through and motion clips
 * copy it, instead of encoding images.
 */
public final class PlayableH264 {

	/** Profiles every MSE browser plays: baseline, main, high (8-bit 4:2:0). */
	private static final Set<Integer> PLAYABLE_PROFILES = Set.of(66, 77, 100);

	private PlayableH264() {
	}

	/**
	 * Whether browsers play this track as it is; unknown (parameter sets only in the
	 * stream) counts as yes.
	 */
	public static boolean inBrowsers(H264Track track) {
		byte[] extradata = track.extradata();
		try {
			List<byte[]> sets = H264Units.isAvcC(extradata) ? H264Units.fromAvcC(extradata)
					: H264Units.fromAnnexB(extradata, extradata.length);
			for (byte[] set : sets) {
				if (H264Units.type(set) == H264Units.SPS && set.length >= 4) {
					return PLAYABLE_PROFILES.contains(set[1] & 0xFF);
				}
			}
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
