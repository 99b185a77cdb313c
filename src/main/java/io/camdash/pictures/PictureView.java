package io.camdash.pictures;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.camdash.storage.FileNames;
import org.jspecify.annotations.Nullable;

/**
 * A picture as pages show it.
 *
 * @param name its name, relative to the pictures folder
 * @param fileName the file name alone
 * @param camera the camera that took it; empty if unknown
 * @param takenAt when it was taken, in the server's time zone
 * @param size its file size, for people ("312 KB")
 * @param page link to its page
 * @param image link to the image
 * @param thumbnail link to its thumbnail
 * @param download link to download it
 * @param delete where its delete form posts
 * @param motion whether motion detection saved it
 * @param clip the clip that goes with it (a motion picture's), or null
 */
record PictureView(String name, String fileName, String camera, LocalDateTime takenAt, String size, String page,
		String image, String thumbnail, String download, String delete, boolean motion,
		PictureClips.@Nullable Clip clip) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	static PictureView of(Picture picture, ZoneId zone) {
		return of(picture, zone, PictureClips.NONE);
	}

	/** A picture with its clip, asked of {@code clips} for motion pictures only. */
	static PictureView of(Picture picture, ZoneId zone, PictureClips clips) {
		PictureName name = picture.name();
		return new PictureView(name.value(), name.fileName(), picture.camera(),
				LocalDateTime.ofInstant(picture.takenAt(), zone), humanSize(picture.size()), PictureUrls.page(name),
				PictureUrls.image(name), PictureUrls.thumbnail(name), PictureUrls.download(name),
				PictureUrls.delete(name), picture.motion(), picture.motion() ? clips.clipOf(name.value()) : null);
	}

	public String time() {
		return TIME.format(this.takenAt);
	}

	public String dateTime() {
		return DATE_TIME.format(this.takenAt);
	}

	/**
	 * How a note embeds this picture: {@code ![cam 2026-11-21 08:30](picture:…)}, the
	 * name percent-encoded as the notes' links read it.
	 */
	public String markdown() {
		String alt = (this.camera.isEmpty() ? "picture" : this.camera) + " " + MINUTE.format(this.takenAt);
		return "![" + alt.replaceAll("[\\[\\]\\\\]", "") + "](picture:" + FileNames.encodePath(this.name) + ")";
	}

	static String humanSize(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

}
