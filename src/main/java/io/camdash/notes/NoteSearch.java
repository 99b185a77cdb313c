package io.camdash.notes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Full-text search over the index: every word of the query must occur (as a word or
 * inside one, so {@code cam} finds "camera") in the title or the text. A word in the
 * title weighs as much as ten in the text, and repeats in the text count with diminishing
 * returns, so a note about a subject ranks above one that mentions it once.
 */
final class NoteSearch {

	static final double TITLE_WEIGHT = 10;

	static final double WHOLE_QUERY_IN_TITLE = 5;

	static final int MAX_TERMS = 8;

	static final int SNIPPET_LENGTH = 180;

	static final int SNIPPET_LEAD = 60;

	private static final int MAX_COUNTED = 1000;

	private NoteSearch() {
	}

	/** The words of a query: lower case, letters and digits only, each once. */
	static List<String> terms(String query) {
		if (query == null) {
			return List.of();
		}
		return Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((term) -> !term.isEmpty())
			.distinct()
			.limit(MAX_TERMS)
			.toList();
	}

	static List<SearchHit> search(List<NoteIndex.IndexedNote> notes, String query, int limit) {
		List<String> terms = terms(query);
		if (terms.isEmpty()) {
			return List.of();
		}
		String phrase = String.join(" ", terms);
		record Scored(NoteIndex.IndexedNote note, double score) {
		}
		List<Scored> found = new ArrayList<>();
		for (NoteIndex.IndexedNote note : notes) {
			double score = score(note, terms);
			if (score > 0) {
				if (terms.size() > 1 && note.lowerTitle().contains(phrase)) {
					score += WHOLE_QUERY_IN_TITLE;
				}
				found.add(new Scored(note, score));
			}
		}
		return found.stream()
			.sorted(Comparator.comparingDouble(Scored::score)
				.reversed()
				.thenComparing((scored) -> scored.note().lowerTitle())
				.thenComparing((scored) -> scored.note().path()))
			.limit(limit)
			.map((scored) -> new SearchHit(scored.note().path(), highlight(scored.note().title(), terms),
					highlight(snippet(scored.note(), terms), terms), scored.note().modified(), scored.score()))
			.toList();
	}

	/** 0 unless every term occurs. */
	private static double score(NoteIndex.IndexedNote note, List<String> terms) {
		double score = 0;
		for (String term : terms) {
			int inTitle = count(note.lowerTitle(), term);
			int inText = count(note.lowerText(), term);
			if (inTitle == 0 && inText == 0) {
				return 0;
			}
			score += TITLE_WEIGHT * Math.min(inTitle, 3) + ((inText > 0) ? 1 + Math.log(inText) : 0);
		}
		return score;
	}

	private static int count(String text, String term) {
		int count = 0;
		for (int at = text.indexOf(term); at >= 0 && count < MAX_COUNTED; at = text.indexOf(term, at + term.length())) {
			count++;
		}
		return count;
	}

	/**
	 * A passage of about {@link #SNIPPET_LENGTH} characters around the first match, cut
	 * at spaces.
	 */
	static String snippet(NoteIndex.IndexedNote note, List<String> terms) {
		String text = note.text();
		int first = -1;
		// Lower-casing keeps positions for nearly all text; where it does not, the
		// snippet starts at the top.
		if (note.lowerText().length() == text.length()) {
			for (String term : terms) {
				int at = note.lowerText().indexOf(term);
				if (at >= 0 && (first < 0 || at < first)) {
					first = at;
				}
			}
		}
		int start = Math.max(0, first - SNIPPET_LEAD);
		if (start > 0) {
			int space = text.indexOf(' ', start);
			start = (space >= 0 && space < Math.max(first, start + 1)) ? space + 1 : start;
		}
		int end = Math.min(text.length(), start + SNIPPET_LENGTH);
		if (end < text.length()) {
			int space = text.lastIndexOf(' ', end);
			end = (space > Math.max(start, first)) ? space : end;
		}
		String passage = text.substring(start, end).replaceAll("\\s+", " ").strip();
		return ((start > 0) ? "… " : "") + passage + ((end < text.length()) ? " …" : "");
	}

	/**
	 * The text cut into plain and marked parts; the longest term wins where several
	 * match.
	 */
	static List<SearchHit.Part> highlight(String text, List<String> terms) {
		List<SearchHit.Part> parts = new ArrayList<>();
		int plainFrom = 0;
		int at = 0;
		while (at < text.length()) {
			int matched = 0;
			for (String term : terms) {
				if (term.length() > matched && text.regionMatches(true, at, term, 0, term.length())) {
					matched = term.length();
				}
			}
			if (matched > 0) {
				if (at > plainFrom) {
					parts.add(new SearchHit.Part(text.substring(plainFrom, at), false));
				}
				parts.add(new SearchHit.Part(text.substring(at, at + matched), true));
				at += matched;
				plainFrom = at;
			}
			else {
				at++;
			}
		}
		if (plainFrom < text.length()) {
			parts.add(new SearchHit.Part(text.substring(plainFrom), false));
		}
		return List.copyOf(parts);
	}

}
