package io.camdash.pictures;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Video that goes with a picture, known to another feature: a motion picture's clip (the
 * motion package). The gallery asks it for the pictures it shows, and tells it when a
 * picture is deleted, so a clip never outlives its picture there.
 */
public interface PictureClips {

	/** No clips: what the gallery uses when no feature provides them. */
	PictureClips NONE = (name) -> null;

	/**
	 * The clip of a picture, or null if it has none.
	 * @param pictureName the picture's name relative to the pictures folder, already
	 * checked
	 */
	@Nullable Clip clipOf(String pictureName);

	/**
	 * A picture was deleted from the gallery: whatever went with it goes too.
	 * @param pictureName the picture's name relative to the pictures folder, already
	 * checked
	 */
	default void pictureDeleted(String pictureName) throws IOException {
	}

	/**
	 * A clip as the gallery shows it.
	 *
	 * @param url where it plays, relative to the context path
	 * @param seconds how long it plays
	 */
	record Clip(String url, double seconds) {

		/** The length as m:ss. */
		public String length() {
			long total = Math.round(this.seconds);
			return (total / 60) + ":" + String.format("%02d", total % 60);
		}

	}

}
