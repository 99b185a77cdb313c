package io.camdash.camera;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A camera gave no good frame in time: 503 with the reason, never a NO SIGNAL image. */
public class NoSignalException extends ResponseStatusException {

	public NoSignalException(Camera camera, Duration waited) {
		super(HttpStatus.SERVICE_UNAVAILABLE,
				"Camera '" + camera.id() + "' has no signal: " + ((camera.lastFailure() != null) ? camera.lastFailure()
						: "no frame within " + waited.toMillis() + " ms"));
	}

}
