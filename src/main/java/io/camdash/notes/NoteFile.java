package io.camdash.notes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A note as read from disk.
 *
 * @param path the note's name
 * @param content the markdown
 * @param modified when the file last changed
 * @param version a hash of the content, which the editor sends back so that a save never
 * overwrites a change it has not seen
 */
record NoteFile(NotePath path, String content, Instant modified, String version) {

	/** The version of a note that does not exist (yet). */
	static final String MISSING = "missing";

	static NoteFile of(NotePath path, byte[] bytes, Instant modified) {
		return new NoteFile(path, new String(bytes, StandardCharsets.UTF_8), modified, versionOf(bytes));
	}

	// A content hash rather than the modification time: touching a file, or saving the
	// same text again,
	// is no conflict.
	static String versionOf(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
