package io.camdash.notes;

import java.io.IOException;

import io.camdash.storage.WriteProblem;

/**
 * A note that could not be written (a full disk, a read-only folder): the editor comes
 * back with the text and this sentence.
 */
class NoteNotSavedException extends RuntimeException {

	private final WriteProblem problem;

	private final String reason;

	NoteNotSavedException(NotePath path, IOException cause) {
		super("Not saved: " + WriteProblem.describe(cause, "the notes folder")
				+ ". Your text is still here: copy it somewhere safe or try again later.", cause);
		this.problem = WriteProblem.of(cause);
		this.reason = WriteProblem.describe(cause, "the notes folder");
	}

	/** Why, in words: "the disk is full". */
	String reason() {
		return this.reason;
	}

	/** Whether the disk is full (507) rather than unwritable (503). */
	boolean diskFull() {
		return this.problem == WriteProblem.DISK_FULL;
	}

}
