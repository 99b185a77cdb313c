package io.camdash.camera;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A URL named a camera that is not configured: 404. */
public class UnknownCameraException extends ResponseStatusException {

	public UnknownCameraException(String id) {
		super(HttpStatus.NOT_FOUND, "No camera '" + id + "'");
	}

}
