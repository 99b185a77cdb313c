package io.camdash.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * Why a write failed, in words a user can act on ("the disk is full", "the notes folder
 * is read-only") rather than an exception's name. The operating system's reason is read
 * from the exception, as the JDK reports it.
 */
public enum WriteProblem {

	/** No space (or quota) left on the disk. */
	DISK_FULL,

	/** The folder or file system cannot be written (read-only mount, permissions). */
	READ_ONLY,

	/** Anything else: the disk failed or the file vanished meanwhile. */
	OTHER;

	/** What went wrong with a write. */
	public static WriteProblem of(IOException failure) {
		String reason = reason(failure).toLowerCase(Locale.ROOT);
		if (reason.contains("no space left") || reason.contains("disk quota") || reason.contains("not enough space")) {
			return DISK_FULL;
		}
		if (failure instanceof AccessDeniedException || reason.contains("read-only file system")
				|| reason.contains("permission denied")) {
			return READ_ONLY;
		}
		return OTHER;
	}

	/**
	 * A sentence for the user, naming the folder as given (such as "the notes folder").
	 */
	public static String describe(IOException failure, String folder) {
		return switch (of(failure)) {
			case DISK_FULL -> "the disk is full";
			case READ_ONLY -> folder + " is read-only";
			case OTHER -> "the disk could not be written";
		};
	}

	private static String reason(IOException failure) {
		if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
			return fileSystem.getReason();
		}
		return String.valueOf(failure.getMessage());
	}

}
