package io.camdash.api;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.camdash.storage.WriteProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the API as RFC 9457 problem details ({@code application/problem+json}): the
 * status, a title and a sentence saying what went wrong. Framework errors (a bad JSON
 * body, a missing parameter, a 404 or 503 from a feature) come through Spring's own
 * handler; anything unexpected is a 500 that names no Java class and is logged here.
 */
@RestControllerAdvice(annotations = ApiController.class)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	@ExceptionHandler({ IOException.class, UncheckedIOException.class })
	ProblemDetail storageFailed(Exception ex) {
		log.warn("API request failed on a file: {}", ex.getMessage());
		IOException cause = (ex instanceof UncheckedIOException unchecked) ? unchecked.getCause() : (IOException) ex;
		return switch (WriteProblem.of(cause)) {
			case DISK_FULL -> ProblemDetail.forStatusAndDetail(HttpStatus.INSUFFICIENT_STORAGE,
					"The disk is full; nothing was changed.");
			case READ_ONLY -> ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"camdash's folders cannot be written (read-only?); nothing was changed.");
			case OTHER -> ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"camdash could not read or write its files; nothing was changed.");
		};
	}

	@ExceptionHandler(InterruptedException.class)
	ProblemDetail interrupted(InterruptedException ex) {
		Thread.currentThread().interrupt();
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "camdash is shutting down.");
	}

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException ex) {
		log.error("API request failed", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong; camdash's log says what.");
	}

}
