package io.camdash.notes;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.camdash.storage.FileNames;
import io.camdash.storage.NormalizedNames;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A validated name under the notes folder, such as {@code cameras/door.md} or
 * {@code Garten/Einkaufsliste Süd.md}: segments that pass
 * {@link FileNames#isSafeSegment}, so there is no {@code ..}, no absolute name and no
 * hidden file. {@link #url()} encodes the name for a link. Names are kept in Unicode NFC,
 * so the same name typed or linked in another form is equal; the store finds the file in
 * whichever form it has on disk.
 *
 * @param value the name in NFC, segments joined by {@code /}; empty for the top-level
 * folder
 */
// Methods used by the templates are public: SpEL calls only public methods.
record NotePath(String value) implements Comparable<NotePath> {

	static final int MAX_DEPTH = 8;

	static final String EXTENSION = ".md";

	static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".gif", ".webp");

	static final NotePath ROOT = new NotePath("");

	/** A note's name; it must end with {@code .md}. */
	static NotePath note(String raw) {
		NotePath path = parse(raw);
		if (!path.isNote()) {
			throw invalid(raw, "a note's name ends with .md");
		}
		return path;
	}

	/** A folder's name; blank means the top-level folder. */
	static NotePath folder(String raw) {
		return (raw == null || raw.isBlank()) ? ROOT : parse(raw.strip());
	}

	/** The name in a {@code /notes/{*path}} URL, which always starts with a slash. */
	static NotePath fromUrl(String path) {
		return parse(path.startsWith("/") ? path.substring(1) : path);
	}

	/** Any valid name: a note, a folder or an image next to the notes. */
	static NotePath parse(String raw) {
		if (raw == null || raw.isBlank()) {
			throw invalid(raw, "the name is empty");
		}
		String name = NormalizedNames.nfc(raw);
		String[] segments = name.split("/", -1);
		if (segments.length > MAX_DEPTH) {
			throw invalid(raw, "folders nest at most " + MAX_DEPTH + " deep");
		}
		for (String segment : segments) {
			if (!FileNames.isSafeSegment(segment)) {
				throw invalid(raw, "use " + FileNames.RULE);
			}
		}
		return new NotePath(name);
	}

	/**
	 * A note in {@code folder} named after {@code title}: "Front door (north)" becomes
	 * front-door-north.md, "Café" cafe.md, "树莓派" 树莓派.md and "ブログ" ブログ.md (accents of
	 * Latin letters go, letters of every script stay).
	 */
	static NotePath fromTitle(NotePath folder, String title) {
		// Accents leave Latin letters only: a Japanese sound mark is part of its letter.
		String plain = Normalizer.normalize((title != null) ? title : "", Normalizer.Form.NFD)
			.replaceAll("(?<=\\p{IsLatin})\\p{M}+", "")
			.toLowerCase(Locale.ROOT);
		String slug = Normalizer.normalize(plain, Normalizer.Form.NFC)
			.replaceAll("[^\\p{L}\\p{M}\\p{N}]+", "-")
			.replaceAll("^-+|-+$", "");
		if (slug.length() > 80) {
			int end = Character.isHighSurrogate(slug.charAt(79)) ? 79 : 80;
			slug = slug.substring(0, end).replaceAll("-+$", "");
		}
		if (slug.isEmpty()) {
			slug = "note";
		}
		return folder.child(slug + EXTENSION);
	}

	private static ResponseStatusException invalid(String raw, String why) {
		return new InvalidNoteNameException("Invalid note name '" + raw + "': " + why);
	}

	NotePath child(String name) {
		return parse(isRoot() ? name : this.value + "/" + name);
	}

	boolean isRoot() {
		return this.value.isEmpty();
	}

	boolean isNote() {
		return this.value.endsWith(EXTENSION);
	}

	boolean isImage() {
		String lower = this.value.toLowerCase(Locale.ROOT);
		return IMAGE_EXTENSIONS.stream().anyMatch(lower::endsWith);
	}

	/** The last segment. */
	public String fileName() {
		return this.value.substring(this.value.lastIndexOf('/') + 1);
	}

	/** The file name without {@code .md}. */
	public String baseName() {
		String name = fileName();
		return name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
	}

	/** The enclosing folder; {@link #ROOT} for a top-level note. */
	public NotePath parent() {
		int slash = this.value.lastIndexOf('/');
		return (slash < 0) ? ROOT : new NotePath(this.value.substring(0, slash));
	}

	public List<String> segments() {
		return isRoot() ? List.of() : Arrays.asList(this.value.split("/"));
	}

	/**
	 * The page of this note (or the raw image), relative to the context path, encoded for
	 * a link or a redirect.
	 */
	public String url() {
		return "/notes/" + FileNames.encodePath(this.value);
	}

	@Override
	public int compareTo(NotePath other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

	/** A name that breaks the rules: 400. */
	static class InvalidNoteNameException extends ResponseStatusException {

		InvalidNoteNameException(String message) {
			super(HttpStatus.BAD_REQUEST, message);
		}

	}

}
