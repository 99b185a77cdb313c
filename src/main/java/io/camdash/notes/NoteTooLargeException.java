package io.camdash.notes;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/** A note bigger than {@code camdash.notes.max-size}: 413. */
class NoteTooLargeException extends ResponseStatusException {

	NoteTooLargeException(DataSize limit) {
		super(HttpStatus.PAYLOAD_TOO_LARGE,
				"The note is too large: notes are limited to " + limit.toKilobytes() + " KB (camdash.notes.max-size)");
	}

}
