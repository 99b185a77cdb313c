package io.camdash.security;

/**
 * Makes untrusted text (a user name typed at the sign-in form) safe to put in a log line.
 */
final class LogSafe {

	private static final int MAX_LENGTH = 64;

	private LogSafe() {
	}

	/**
	 * The text with control characters (line breaks that could forge log lines) escaped,
	 * and cut to 64 chars.
	 */
	static String text(String untrusted) {
		if (untrusted == null) {
			return "";
		}
		StringBuilder safe = new StringBuilder();
		for (int i = 0; i < untrusted.length() && safe.length() < MAX_LENGTH; i++) {
			char c = untrusted.charAt(i);
			if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
				safe.append(String.format("\\u%04x", (int) c));
			}
			else {
				safe.append(c);
			}
		}
		return (untrusted.length() > safe.length()) ? safe + "…" : safe.toString();
	}

}
