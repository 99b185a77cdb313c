package io.camdash.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Every note's title and plain text, in memory, for the list and for search. Each use
 * first walks the folder and compares modification times and sizes, re-reading only what
 * changed, so notes edited, added or deleted by hand are seen on the next request without
 * a file watcher.
 */
@Component
class NoteIndex {

	private static final Logger log = LoggerFactory.getLogger(NoteIndex.class);

	private final NoteStore store;

	private final MarkdownRenderer renderer;

	private Map<NotePath, IndexedNote> notes = Map.of();

	NoteIndex(NoteStore store, MarkdownRenderer renderer) {
		this.store = store;
		this.renderer = renderer;
	}

	/** All notes and folders as they are on disk now. */
	synchronized Contents refresh() {
		Map<NotePath, IndexedNote> previous = this.notes;
		Map<NotePath, IndexedNote> current = new HashMap<>(Math.max(16, previous.size() * 2));
		TreeSet<NotePath> folders = new TreeSet<>();
		Path root = this.store.root();
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
					if (dir.equals(root)) {
						return FileVisitResult.CONTINUE;
					}
					NotePath folder = nameOf(root, dir);
					if (folder == null) {
						return FileVisitResult.SKIP_SUBTREE;
					}
					folders.add(folder);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					NotePath path = nameOf(root, file);
					if (path != null && path.isNote() && attributes.isRegularFile()
							&& attributes.size() <= NoteIndex.this.store.maxSize().toBytes()) {
						Instant modified = attributes.lastModifiedTime().toInstant();
						IndexedNote known = previous.get(path);
						IndexedNote note = (known != null && known.modified().equals(modified)
								&& known.size() == attributes.size()) ? known
										: read(path, file, modified, attributes.size());
						if (note != null) {
							current.put(path, note);
						}
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					// Vanished or unreadable while walking: leave it out this time.
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list notes in " + root, ex);
		}
		this.notes = Map.copyOf(current);
		return new Contents(List.copyOf(current.values()), List.copyOf(folders));
	}

	/** Notes matching every word of the query, best first. */
	List<SearchHit> search(String query, int limit) {
		return NoteSearch.search(refresh().notes(), query, limit);
	}

	private IndexedNote read(NotePath path, Path file, Instant modified, long size) {
		try {
			String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
			MarkdownRenderer.NoteText text = this.renderer.text(content);
			String title = (text.title() != null) ? text.title() : path.baseName();
			return IndexedNote.of(path, title, text.body(), modified, size);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			log.warn("Cannot read note {}: {}", path, ex.getMessage());
			return null;
		}
	}

	/**
	 * The note name of a file or folder, or null when its name breaks the rules (hidden
	 * files, temp files).
	 */
	private static NotePath nameOf(Path root, Path file) {
		String relative = root.relativize(file).toString().replace('\\', '/');
		try {
			return NotePath.parse(relative);
		}
		catch (NotePath.InvalidNoteNameException ex) {
			return null;
		}
	}

	/**
	 * The notes folder at one moment.
	 *
	 * @param notes every note, in no particular order
	 * @param folders every folder below the top one, sorted by name
	 */
	record Contents(List<IndexedNote> notes, List<NotePath> folders) {

	}

	/**
	 * One note in the index.
	 *
	 * @param path its name
	 * @param title its first heading, else its file name
	 * @param text its plain text
	 * @param lowerTitle the title in lower case, for search
	 * @param lowerText the text in lower case, for search
	 * @param modified when its file last changed
	 * @param size its size in bytes
	 */
	record IndexedNote(NotePath path, String title, String text, String lowerTitle, String lowerText, Instant modified,
			long size) {

		static IndexedNote of(NotePath path, String title, String text, Instant modified, long size) {
			return new IndexedNote(path, title, text, title.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT),
					modified, size);
		}

	}

}
