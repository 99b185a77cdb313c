package io.camdash.settings.cameras;

import java.util.List;

/** Camera settings camdash would not start with; each problem in words. */
class InvalidCamerasException extends RuntimeException {

	private final List<String> problems;

	InvalidCamerasException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return this.problems;
	}

}
