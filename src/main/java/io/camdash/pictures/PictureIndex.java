package io.camdash.pictures;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/**
 * The pictures, newest first, kept between requests so a gallery page of a large folder
 * costs a few folder checks instead of a walk. Walked again when a folder changed, when a
 * change may have gone unnoticed (folder modified within {@link #QUIET_MILLIS} of the
 * walk, since file systems tick coarsely), and after this application saved or deleted a
 * picture.
 */
@Component
class PictureIndex {

	/**
	 * Folder times this close to the walk may hide a change made in the same clock tick.
	 */
	static final long QUIET_MILLIS = 1000;

	private static final Comparator<Picture> NEWEST_FIRST = Comparator.comparing(Picture::takenAt)
		.thenComparing((picture) -> picture.name().value())
		.reversed();

	private final PictureStore store;

	private volatile Contents current;

	PictureIndex(PictureStore store) {
		this.store = store;
	}

	/** Every picture, newest first, as the folder holds them now. */
	List<Picture> pictures() {
		return contents().pictures();
	}

	/** The pictures of one camera (all if {@code camera} is empty), newest first. */
	List<Picture> pictures(String camera) {
		return pictures(camera, PictureKind.ALL);
	}

	/**
	 * The pictures of one camera (all if {@code camera} is empty) and kind, newest first.
	 */
	List<Picture> pictures(String camera, PictureKind kind) {
		List<Picture> all = pictures();
		if ((camera == null || camera.isEmpty()) && kind == PictureKind.ALL) {
			return all;
		}
		return all.stream()
			.filter((picture) -> camera == null || camera.isEmpty() || picture.camera().equals(camera))
			.filter(kind::includes)
			.toList();
	}

	/** Cameras that have pictures, in name order. */
	List<String> cameras() {
		return contents().cameras();
	}

	/** Forget the index: the next request walks the folder. */
	void invalidate() {
		this.current = null;
	}

	private Contents contents() {
		Contents contents = this.current;
		if (contents != null && contents.trusted() && this.store.unchanged(contents.listing())) {
			return contents;
		}
		synchronized (this) {
			contents = this.current;
			if (contents != null && contents.trusted() && this.store.unchanged(contents.listing())) {
				return contents;
			}
			long walkStarted = System.currentTimeMillis();
			PictureStore.Listing listing = this.store.list();
			List<Picture> sorted = listing.pictures().stream().sorted(NEWEST_FIRST).toList();
			TreeSet<String> cameras = new TreeSet<>();
			sorted.forEach((picture) -> {
				if (!picture.camera().isEmpty()) {
					cameras.add(picture.camera());
				}
			});
			contents = new Contents(listing, sorted, List.copyOf(cameras), isQuiet(listing.folders(), walkStarted));
			this.current = contents;
			return contents;
		}
	}

	private static boolean isQuiet(Map<?, Long> folders, long walkStarted) {
		return folders.values().stream().allMatch((modified) -> modified < walkStarted - QUIET_MILLIS);
	}

	private record Contents(PictureStore.Listing listing, List<Picture> pictures, List<String> cameras,
			boolean trusted) {

	}

}
