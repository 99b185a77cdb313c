package io.camdash.pictures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camdash.camera.CameraId;

/**
 * One picture as listed from the folder: only what a directory walk tells, never its
 * pixels.
 *
 * @param name where it is, relative to the pictures folder
 * @param camera the camera that took it, from its folder or file name; empty if unknown
 * @param takenAt when it was taken, from its file name, else its modified time
 * @param size file size in bytes
 * @param modifiedMillis modified time, which with the size tells whether a thumbnail is
 * still current
 * @param motion whether motion detection saved it (its name ends in {@code -motion})
 * rather than a person
 */
record Picture(PictureName name, String camera, Instant takenAt, long size, long modifiedMillis, boolean motion) {

	/**
	 * {@code <camera>_<yyyyMMdd-HHmmss-SSS>[-n].<ext>}, as written by
	 * {@link PictureStore}, or {@code <camera>_<yyyyMMdd-HHmmss-SSS>-motion.<ext>}, as
	 * motion detection writes its pictures.
	 */
	private static final Pattern TAKEN_NAME = Pattern
		.compile("(" + CameraId.PATTERN + ")_(\\d{8}-\\d{6}-\\d{3})(?:-\\d+)?(-motion)?\\.[A-Za-z]+");

	static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	static final DateTimeFormatter DAY_FOLDER = DateTimeFormatter.ISO_LOCAL_DATE;

	static Picture of(PictureName name, long size, long modifiedMillis, ZoneId zone) {
		String camera = name.folder();
		Instant takenAt = Instant.ofEpochMilli(modifiedMillis);
		Matcher matcher = TAKEN_NAME.matcher(name.fileName());
		boolean motion = false;
		if (matcher.matches()) {
			motion = matcher.group(3) != null;
			if (camera.isEmpty()) {
				camera = matcher.group(1);
			}
			try {
				takenAt = LocalDateTime.parse(matcher.group(2), NAME_TIME).atZone(zone).toInstant();
			}
			catch (DateTimeParseException ex) {
				// A name that only looks like ours (month 13...): the modified time will
				// do.
			}
		}
		return new Picture(name, camera, takenAt, size, modifiedMillis, motion);
	}

	LocalDate day(ZoneId zone) {
		return LocalDate.ofInstant(this.takenAt, zone);
	}

}
