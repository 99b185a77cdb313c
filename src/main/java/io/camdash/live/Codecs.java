package io.camdash.live;

import java.util.List;
import java.util.Locale;

/**
 * Whether a browser plays an H.264 stream, from the codec strings it reported playable
 * ({@code MediaSource.isTypeSupported}): one of the same profile family or a richer one
 * (baseline within main within high) at the same level or above will do.
 */
final class Codecs {

	private static final List<String> PROFILES_BY_RICHNESS = List.of("42", "4D", "58", "64");

	private Codecs() {
	}

	static boolean canPlay(List<String> playable, String codec) {
		String wanted = codec.toUpperCase(Locale.ROOT);
		for (String offered : playable) {
			String candidate = offered.trim().toUpperCase(Locale.ROOT);
			if (candidate.equals(wanted) || covers(candidate, wanted)) {
				return true;
			}
		}
		return false;
	}

	private static boolean covers(String offered, String wanted) {
		if (!offered.startsWith("AVC1.") || offered.length() != 11 || !wanted.startsWith("AVC1.")
				|| wanted.length() != 11) {
			return false;
		}
		int offeredProfile = PROFILES_BY_RICHNESS.indexOf(offered.substring(5, 7));
		int wantedProfile = PROFILES_BY_RICHNESS.indexOf(wanted.substring(5, 7));
		if (offeredProfile < 0 || wantedProfile < 0 || offeredProfile < wantedProfile) {
			return false;
		}
		try {
			return Integer.parseInt(offered.substring(9, 11), 16) >= Integer.parseInt(wanted.substring(9, 11), 16);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
