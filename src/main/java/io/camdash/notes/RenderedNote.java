package io.camdash.notes;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A note rendered to safe HTML.
 *
 * @param html the sanitized HTML of the body
 * @param title the text of the first heading, if any
 * @param headings the headings of levels 1 to 3, for a table of contents
 */
record RenderedNote(String html, @Nullable String title, List<Heading> headings) {

	/**
	 * A heading and the id of its anchor.
	 *
	 * @param level 1 for {@code #}, 2 for {@code ##}, ...
	 * @param text the heading as plain text
	 * @param id the anchor, so {@code #id} jumps to it
	 */
	record Heading(int level, String text, String id) {

	}

}
