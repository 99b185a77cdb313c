package io.camdash.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/**
 * Names compared after Unicode normalisation (NFC): {@code é} typed as one character or
 * as {@code e} and a combining accent (as macOS writes names) is the same name. camdash
 * keeps its names in NFC, finds a file whichever form it has on disk and never renames a
 * user's file to do so.
 */
public final class NormalizedNames {

	private NormalizedNames() {
	}

	/** The name in NFC, the form camdash shows, links and compares. */
	public static String nfc(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFC);
	}

	/**
	 * The path of a relative name (segments joined by '/', each a safe segment) under
	 * {@code root}, following the names on disk: each segment is taken as written when
	 * such an entry exists, otherwise the entry of that folder whose NFC form equals it
	 * (the first in name order, should there be two). From the first segment that matches
	 * nothing on, the rest is appended as written, which is where a new file goes.
	 */
	public static Path locate(Path root, String relative) {
		Path current = root;
		String[] segments = relative.split("/");
		int i = 0;
		while (i < segments.length) {
			Path exact = current.resolve(segments[i]);
			Path found = Files.exists(exact, LinkOption.NOFOLLOW_LINKS) ? exact : equivalent(current, segments[i]);
			if (found == null) {
				break;
			}
			current = found;
			i++;
		}
		for (; i < segments.length; i++) {
			current = current.resolve(segments[i]);
		}
		return current;
	}

	private static @Nullable Path equivalent(Path folder, String segment) {
		if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
			return null;
		}
		String wanted = nfc(segment);
		Path match = null;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (FileNames.isSafeSegment(name) && nfc(name).equals(wanted)
						&& (match == null || name.compareTo(match.getFileName().toString()) < 0)) {
					match = entry;
				}
			}
		}
		catch (NoSuchFileException | NotDirectoryException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + folder, ex);
		}
		return match;
	}

}
