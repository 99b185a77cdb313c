package io.camdash.pictures;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.camdash.storage.FileNames;
import io.camdash.storage.NormalizedNames;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A picture's path relative to the pictures folder, as used in URLs: for example
 * {@code cam/2024-05-01/cam_20240501-120000-123.jpg} or {@code Garten/Garten Süd.jpg}. At
 * most three segments that pass {@link FileNames#isSafeSegment} (so none starts with a
 * dot), ending in .jpg, .jpeg or .png. Nothing else gets near the file system, so
 * absolute paths, '..', backslashes, NUL and control characters are refused before any
 * lookup. Names are kept in Unicode NFC, so the same name in another form is equal; the
 * store finds the file in whichever form it has on disk.
 *
 * @param value the validated relative name in NFC, segments separated by '/'
 */
record PictureName(String value) {

	static final int MAX_DEPTH = 3;

	private static final Pattern PICTURE_FILE = Pattern.compile("(?i).+\\.(jpe?g|png)");

	PictureName {
		value = (value != null) ? NormalizedNames.nfc(value) : null;
		if (!isValid(value)) {
			throw new InvalidPictureNameException(value);
		}
	}

	/** Parses a name posted by a form or an API client; 400 if it is not one. */
	static PictureName of(String text) {
		return new PictureName(text);
	}

	/**
	 * Parses the rest of a URL path captured by {@code {*name}}, which starts with the
	 * '/' before it.
	 */
	static PictureName fromPath(String capture) {
		return new PictureName((capture != null && capture.startsWith("/")) ? capture.substring(1) : capture);
	}

	static boolean isValid(String value) {
		if (value == null || value.isEmpty() || value.length() > 400) {
			return false;
		}
		List<String> segments = List.of(value.split("/", -1));
		if (segments.size() > MAX_DEPTH) {
			return false;
		}
		for (String segment : segments) {
			if (!FileNames.isSafeSegment(segment)) {
				return false;
			}
		}
		return isPictureFile(segments.get(segments.size() - 1));
	}

	/** Whether a file name looks like a picture (temporary and hidden files do not). */
	static boolean isPictureFile(String fileName) {
		return FileNames.isSafeSegment(fileName) && PICTURE_FILE.matcher(fileName).matches();
	}

	String fileName() {
		return this.value.substring(this.value.lastIndexOf('/') + 1);
	}

	/**
	 * The first folder, which is the camera for pictures taken here; empty for a picture
	 * at the top.
	 */
	String folder() {
		int slash = this.value.indexOf('/');
		return (slash < 0) ? "" : this.value.substring(0, slash);
	}

	String extension() {
		String name = fileName();
		return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return this.value;
	}

	/** A name that is not a picture name: 400, and the name is never looked up. */
	static class InvalidPictureNameException extends ResponseStatusException {

		InvalidPictureNameException(String name) {
			super(HttpStatus.BAD_REQUEST, "Not a picture name: " + describe(name));
		}

		private static String describe(String name) {
			if (name == null) {
				return "(none)";
			}
			// Echo only printable characters, and not much of them.
			String printable = name.codePoints()
				.map((c) -> (c >= 32 && c < 127) ? c : '?')
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				.toString();
			return (printable.length() > 80) ? printable.substring(0, 80) + "..." : printable;
		}

	}

}
