package io.camdash.camera;

import java.util.regex.Pattern;

/**
 * The one rule for camera ids, which appear in URLs, metric tags and picture file names:
 * 1 to 32 lowercase letters, digits, '-' or '_', starting with a letter or digit.
 */
public final class CameraId {

	/** The rule as a regular expression, for {@code @Pattern} and for larger patterns. */
	public static final String PATTERN = "[a-z0-9][a-z0-9_-]{0,31}";

	/** What the rule says, in words, for messages. */
	public static final String RULE = "must be 1-32 lowercase letters, digits, '-' or '_'";

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	private CameraId() {
	}

	/** Whether the text is a well-formed camera id (not whether such a camera exists). */
	public static boolean isValid(String text) {
		return text != null && COMPILED.matcher(text).matches();
	}

}
