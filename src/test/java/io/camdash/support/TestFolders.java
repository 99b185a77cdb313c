package io.camdash.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * The folders every test application uses (set in the tests' application.properties), so
 * that test classes share one Spring context instead of each starting its own with
 * folders of its own. A class that needs a folder in a known state sets it up before its
 * tests; nothing is written into the repository's own {@code notes/} or
 * {@code pictures/}.
 */
public final class TestFolders {

	/** camdash.security.data-folder, and the parent of the folders below. */
	public static final Path ROOT = Path.of("target/camdash-test-data").toAbsolutePath();

	/** camdash.pictures.folder. */
	public static final Path PICTURES = ROOT.resolve("pictures");

	/** camdash.pictures.thumbnail-cache. */
	public static final Path THUMBNAILS = ROOT.resolve("thumbnails");

	/** camdash.notes.folder. */
	public static final Path NOTES = ROOT.resolve("notes");

	private static final Path STARTER_NOTES = Path.of("notes");

	private TestFolders() {
	}

	/**
	 * Empties the folder (symbolic links are removed, never followed), creating it if
	 * needed.
	 */
	public static Path empty(Path folder) {
		try {
			Files.createDirectories(folder);
			try (Stream<Path> entries = Files.list(folder)) {
				for (Path entry : entries.toList()) {
					if (Files.isSymbolicLink(entry)) {
						Files.delete(entry);
					}
					else {
						FileSystemUtils.deleteRecursively(entry);
					}
				}
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The notes folder holding exactly the starter notes camdash ships with. */
	public static void starterNotes() {
		empty(NOTES);
		try (Stream<Path> files = Files.walk(STARTER_NOTES)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = NOTES.resolve(STARTER_NOTES.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
