package io.camdash.pictures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PictureIndexTests {

	private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2024-01-01T00:00:00Z"));

	@TempDir
	Path temp;

	private Path folder;

	private PictureIndex index;

	@BeforeEach
	void index() throws IOException {
		this.folder = this.temp.resolve("pictures");
		this.index = new PictureIndex(
				new PictureStore(new PicturesProperties(this.folder, this.temp.resolve("cache"), 320, 48)));
	}

	@Test
	void sortsNewestFirstAndFiltersByCamera() {
		TestImages.write(this.folder, "cam/2024-05-01/cam_20240501-090000-000.jpg", 8, 8);
		TestImages.write(this.folder, "door/2024-05-02/door_20240502-090000-000.jpg", 8, 8);
		TestImages.write(this.folder, "cam/2024-05-03/cam_20240503-090000-000.jpg", 8, 8);
		assertThat(names(this.index.pictures())).containsExactly("cam/2024-05-03/cam_20240503-090000-000.jpg",
				"door/2024-05-02/door_20240502-090000-000.jpg", "cam/2024-05-01/cam_20240501-090000-000.jpg");
		assertThat(names(this.index.pictures("door"))).containsExactly("door/2024-05-02/door_20240502-090000-000.jpg");
		assertThat(this.index.cameras()).containsExactly("cam", "door");
	}

	@Test
	void keepsItsListWhileNoFolderChangesAndNoticesAFileAddedOrRemoved() throws IOException {
		TestImages.write(this.folder, "cam/2024-05-01/a.jpg", 8, 8);
		settle();
		List<Picture> first = this.index.pictures();
		assertThat(this.index.pictures()).as("cached").isSameAs(first);
		Path added = TestImages.write(this.folder, "cam/2024-05-01/b.jpg", 8, 8);
		assertThat(names(this.index.pictures())).containsExactlyInAnyOrder("cam/2024-05-01/a.jpg",
				"cam/2024-05-01/b.jpg");
		settle();
		this.index.pictures();
		Files.delete(added);
		assertThat(names(this.index.pictures())).containsExactly("cam/2024-05-01/a.jpg");
	}

	@Test
	void doesNotTrustAFolderChangedInTheSameClockTickAsItsWalk() {
		TestImages.write(this.folder, "cam/a.jpg", 8, 8);
		List<Picture> first = this.index.pictures();
		// Folders modified just now might change again unseen within the same tick: walk
		// again.
		assertThat(this.index.pictures()).isNotSameAs(first).isEqualTo(first);
	}

	/**
	 * Makes every folder look untouched for a while, as in a folder nobody is writing to.
	 */
	private void settle() throws IOException {
		try (var folders = Files.walk(this.folder)) {
			for (Path folder : folders.filter(Files::isDirectory).toList()) {
				Files.setLastModifiedTime(folder, LONG_AGO);
			}
		}
	}

	private static List<String> names(List<Picture> pictures) {
		return pictures.stream().map((picture) -> picture.name().value()).toList();
	}

}
