package io.camdash.notes;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A folder that still holds something is never removed: 409 with what to do. */
class NoteFolderNotEmptyException extends ResponseStatusException {

	NoteFolderNotEmptyException(NotePath folder, long entries) {
		super(HttpStatus.CONFLICT,
				"Not removed: the folder " + folder + " is not empty (" + entries
						+ ((entries == 1) ? " item" : " items")
						+ " in it, hidden files and images included). Move or delete what it holds first.");
	}

}
