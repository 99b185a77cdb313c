package io.camdash.notes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The notes as a tree of folders, flattened into rows for the list page: a folder row,
 * then its notes and sub-folders one level deeper. Sorted by title (folders first), or
 * newest first.
 */
final class NoteTree {

	private NoteTree() {
	}

	static List<Row> rows(NoteIndex.Contents contents, Sort sort) {
		Node root = new Node(NotePath.ROOT);
		for (NotePath folder : contents.folders()) {
			root.folder(folder.segments(), 0);
		}
		for (NoteIndex.IndexedNote note : contents.notes()) {
			root.folder(note.path().parent().segments(), 0).notes.add(note);
		}
		List<Row> rows = new ArrayList<>();
		root.addRows(rows, -1, sort);
		return rows;
	}

	enum Sort {

		NAME, DATE;

		static Sort of(@Nullable String value) {
			return "date".equalsIgnoreCase(value) ? DATE : NAME;
		}

	}

	/**
	 * One line of the tree.
	 *
	 * @param depth how deep it is, 0 for the top level
	 * @param path the folder or note
	 * @param label the folder's name or the note's title
	 * @param modified when the note, or the newest note in the folder, last changed; null
	 * for an empty folder
	 * @param folder whether this is a folder
	 * @param empty whether this is a folder without notes or folders in it (it may be
	 * removed, unless a file the list does not show is in it)
	 */
	record Row(int depth, NotePath path, String label, @Nullable Instant modified, boolean folder, boolean empty) {

	}

	private static final class Node {

		final NotePath path;

		final Map<String, Node> folders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

		final List<NoteIndex.IndexedNote> notes = new ArrayList<>();

		Node(NotePath path) {
			this.path = path;
		}

		Node folder(List<String> segments, int from) {
			if (from == segments.size()) {
				return this;
			}
			String name = segments.get(from);
			return this.folders.computeIfAbsent(name, (key) -> new Node(this.path.child(name)))
				.folder(segments, from + 1);
		}

		@Nullable Instant newest() {
			Instant newest = null;
			for (NoteIndex.IndexedNote note : this.notes) {
				newest = (newest == null || note.modified().isAfter(newest)) ? note.modified() : newest;
			}
			for (Node child : this.folders.values()) {
				Instant childNewest = child.newest();
				newest = (childNewest != null && (newest == null || childNewest.isAfter(newest))) ? childNewest
						: newest;
			}
			return newest;
		}

		void addRows(List<Row> rows, int depth, Sort sort) {
			if (depth >= 0) {
				rows.add(new Row(depth, this.path, this.path.fileName(), newest(), true,
						this.notes.isEmpty() && this.folders.isEmpty()));
			}
			List<Node> children = new ArrayList<>(this.folders.values());
			List<NoteIndex.IndexedNote> sortedNotes = new ArrayList<>(this.notes);
			if (sort == Sort.DATE) {
				Comparator<Instant> newestFirst = Comparator.nullsLast(Comparator.<Instant>reverseOrder());
				children.sort(Comparator.comparing(Node::newest, newestFirst));
				sortedNotes.sort(Comparator.comparing(NoteIndex.IndexedNote::modified, newestFirst)
					.thenComparing(NoteIndex.IndexedNote::path));
			}
			else {
				sortedNotes.sort(Comparator.comparing(NoteIndex.IndexedNote::lowerTitle)
					.thenComparing(NoteIndex.IndexedNote::path));
			}
			for (Node child : children) {
				child.addRows(rows, depth + 1, sort);
			}
			for (NoteIndex.IndexedNote note : sortedNotes) {
				rows.add(new Row(depth + 1, note.path(), note.title(), note.modified(), false, false));
			}
		}

	}

}
