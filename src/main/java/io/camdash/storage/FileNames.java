package io.camdash.storage;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * The rule for one segment of a name a person gives a note, a folder or a picture: any
 * letters of any script, spaces and punctuation, but nothing that could leave its folder
 * or hide from the lists. Refused: '/', '\', control and format characters (including
 * direction overrides that disguise a name), names starting with a dot (hidden files,
 * camdash's own temporary files, '.' and '..'), leading or trailing spaces, a trailing
 * dot, the characters and device names Windows and USB sticks (FAT, exFAT) refuse, so a
 * backup copied there keeps every file, and '%' and ';' which Spring Security's firewall
 * refuses in every URL. Look-alikes that compatibility normalisation (NFKC) or a "best
 * fit" code page turns into a separator or a leading dot are refused too (fullwidth
 * {@code ／ ＼ ．．}): they pass for a folder in a list and become one when a backup is
 * unpacked by such a tool. Their fullwidth {@code ： ？ ＊} cousins stay, as people writing
 * Chinese or Japanese use them in names. The joiners U+200C and U+200D, which Persian,
 * Indic scripts and emoji need, are the only format characters allowed, and only between
 * two non-ASCII characters, so they cannot split a Latin name into a look-alike.
 */
public final class FileNames {

	/**
	 * Longest segment, in UTF-8 bytes: Linux file systems allow 255, and camdash's
	 * temporary files and thumbnails add up to about 55 to a name.
	 */
	public static final int MAX_SEGMENT_BYTES = 200;

	/** What the rule says, for error messages. */
	public static final String RULE = "any letters, digits, spaces and punctuation except / \\ : * ? \" < > | % ; "
			+ "and control or invisible characters, not starting with a dot (nor with a look-alike such as \uFF0E), "
			+ "no look-alike of / or \\ (such as \uFF0F)";

	private static final int ZERO_WIDTH_NON_JOINER = 0x200C;

	private static final int ZERO_WIDTH_JOINER = 0x200D;

	private static final String REFUSED_CHARACTERS = "/\\:*?\"<>|%;";

	private static final Set<String> DEVICE_NAMES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
			"com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
			"lpt9");

	/**
	 * How Java turns names into bytes for the file system: a server started without a
	 * UTF-8 locale cannot store most non-ASCII names.
	 */
	private static final Charset FILE_SYSTEM_CHARSET = fileSystemCharset();

	private FileNames() {
	}

	/** Whether one segment (no '/') is a name camdash shows, serves and writes. */
	public static boolean isSafeSegment(@Nullable String segment) {
		if (segment == null || segment.isEmpty() || segment.startsWith(".") || !segment.strip().equals(segment)
				|| segment.endsWith(".") || segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
			return false;
		}
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (REFUSED_CHARACTERS.indexOf(c) >= 0) {
				return false;
			}
		}
		return allowedCodePoints(segment) && !hasLookAlikes(segment) && !isDeviceName(segment)
				&& FILE_SYSTEM_CHARSET.newEncoder().canEncode(segment);
	}

	private static boolean hasLookAlikes(String segment) {
		String compatible = Normalizer.normalize(segment, Normalizer.Form.NFKC);
		return compatible.startsWith(".") || compatible.indexOf('/') >= 0 || compatible.indexOf('\\') >= 0;
	}

	private static boolean allowedCodePoints(String segment) {
		int[] codePoints = segment.codePoints().toArray();
		for (int i = 0; i < codePoints.length; i++) {
			int c = codePoints[i];
			if (isJoiner(c)) {
				boolean between = i > 0 && i < codePoints.length - 1 && codePoints[i - 1] > 0x7F
						&& codePoints[i + 1] > 0x7F && !isJoiner(codePoints[i + 1]);
				if (!between) {
					return false;
				}
			}
			else if (!isAllowedCodePoint(c)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isJoiner(int c) {
		return c == ZERO_WIDTH_NON_JOINER || c == ZERO_WIDTH_JOINER;
	}

	/**
	 * A relative name as a URL path: each segment percent-encoded as UTF-8, the '/'
	 * between segments kept (servers refuse an encoded one).
	 */
	public static String encodePath(String relative) {
		return UriUtils.encodePath(relative, StandardCharsets.UTF_8);
	}

	private static boolean isAllowedCodePoint(int c) {
		return switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
					Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
				false;
			default -> true;
		};
	}

	private static boolean isDeviceName(String segment) {
		int dot = segment.indexOf('.');
		String stem = ((dot < 0) ? segment : segment.substring(0, dot)).strip().toLowerCase(Locale.ROOT);
		return DEVICE_NAMES.contains(stem);
	}

	private static Charset fileSystemCharset() {
		String name = System.getProperty("sun.jnu.encoding");
		try {
			return (name != null) ? Charset.forName(name) : Charset.defaultCharset();
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

}
