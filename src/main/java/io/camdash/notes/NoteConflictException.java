package io.camdash.notes;

import org.jspecify.annotations.Nullable;

/**
 * A save or a create refused because the file on disk is not the version the editor
 * started from: someone else changed, created or deleted it meanwhile.
 */
class NoteConflictException extends RuntimeException {

	private final NotePath path;

	@Nullable private final NoteFile onDisk;

	NoteConflictException(NotePath path, @Nullable NoteFile onDisk) {
		super((onDisk != null) ? "'" + path + "' changed on disk since you opened it"
				: "'" + path + "' was deleted on disk since you opened it");
		this.path = path;
		this.onDisk = onDisk;
	}

	/** The note that was not saved (the API's problem detail names it). */
	NotePath path() {
		return this.path;
	}

	/** The note as it is on disk now; null when it was deleted. */
	@Nullable NoteFile onDisk() {
		return this.onDisk;
	}

}
