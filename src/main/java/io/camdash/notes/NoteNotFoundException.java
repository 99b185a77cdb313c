package io.camdash.notes;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No such note (or it vanished while the request was served): 404. */
class NoteNotFoundException extends ResponseStatusException {

	NoteNotFoundException(NotePath path) {
		super(HttpStatus.NOT_FOUND, "No note named '" + path + "'");
	}

}
