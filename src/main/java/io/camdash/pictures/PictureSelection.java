package io.camdash.pictures;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The pictures ticked in the gallery, as posted by its form. */
final class PictureSelection {

	/** More than a page of names can only come from a script gone wrong. */
	static final int MAX_PICTURES = 10_000;

	private PictureSelection() {
	}

	/**
	 * Every name checked before any is used: one bad name refuses the whole request
	 * (400).
	 */
	static Set<PictureName> parse(List<String> names) {
		if (names == null || names.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No picture selected");
		}
		if (names.size() > MAX_PICTURES) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "At most " + MAX_PICTURES + " pictures at once");
		}
		Set<PictureName> parsed = new LinkedHashSet<>();
		for (String name : names) {
			parsed.add(PictureName.of(name));
		}
		return parsed;
	}

}
