package io.camdash.pictures;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which pictures the gallery shows: {@code ?kind=photos} (taken by a person),
 * {@code ?kind=motion} (saved by motion detection), or all.
 */
enum PictureKind {

	ALL, PHOTOS, MOTION;

	/** The {@code kind} parameter; 400 for anything else. */
	static PictureKind of(String parameter) {
		if (parameter.isEmpty()) {
			return ALL;
		}
		for (PictureKind kind : values()) {
			if (kind != ALL && kind.parameter().equals(parameter)) {
				return kind;
			}
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a kind of picture (photos or motion)");
	}

	/** The value of {@code ?kind=}; empty for all. */
	String parameter() {
		return (this == ALL) ? "" : name().toLowerCase(Locale.ROOT);
	}

	boolean includes(Picture picture) {
		return switch (this) {
			case ALL -> true;
			case PHOTOS -> !picture.motion();
			case MOTION -> picture.motion();
		};
	}

}
