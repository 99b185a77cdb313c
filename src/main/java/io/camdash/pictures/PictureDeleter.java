package io.camdash.pictures;

import java.io.IOException;
import java.util.Collection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Deletes pictures together with their thumbnails and whatever goes with them (a motion
 * picture's clip), and makes the gallery forget them.
 */
@Component
class PictureDeleter {

	private final PictureStore store;

	private final ThumbnailCache thumbnails;

	private final PictureIndex index;

	private final PictureClips clips;

	PictureDeleter(PictureStore store, ThumbnailCache thumbnails, PictureIndex index,
			ObjectProvider<PictureClips> clips) {
		this.store = store;
		this.thumbnails = thumbnails;
		this.index = index;
		this.clips = clips.getIfAvailable(() -> PictureClips.NONE);
	}

	/** Deletes one picture; false if it was already gone. */
	boolean delete(PictureName name) throws IOException {
		try {
			boolean deleted = this.store.delete(name);
			if (deleted) {
				this.thumbnails.remove(name);
				this.clips.pictureDeleted(name.value());
			}
			return deleted;
		}
		finally {
			this.index.invalidate();
		}
	}

	/**
	 * Deletes several pictures; returns how many were deleted (the others were already
	 * gone).
	 */
	int delete(Collection<PictureName> names) throws IOException {
		int deleted = 0;
		for (PictureName name : names) {
			if (delete(name)) {
				deleted++;
			}
		}
		return deleted;
	}

}
