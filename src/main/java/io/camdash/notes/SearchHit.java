package io.camdash.notes;

import java.time.Instant;
import java.util.List;

/**
 * A note found by a search.
 *
 * @param path the note
 * @param title its title, with the words searched for marked
 * @param snippet a short passage around the first match in its text, with the words
 * marked
 * @param modified when the note last changed
 * @param score how well it matches: title matches weigh most, then how often the words
 * occur
 */
record SearchHit(NotePath path, List<Part> title, List<Part> snippet, Instant modified, double score) {

	/**
	 * A piece of text, marked when it matches a searched word. Pages print it escaped, as
	 * text, so a note cannot inject markup through a snippet.
	 *
	 * @param text the text
	 * @param marked whether it is a match
	 */
	record Part(String text, boolean marked) {

	}

}
