package io.camdash.pictures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ThumbnailCacheTests {

	@TempDir
	Path temp;

	private Path folder;

	private PictureStore store;

	private ThumbnailCache thumbnails;

	@BeforeEach
	void cache() throws IOException {
		this.folder = this.temp.resolve("pictures");
		PicturesProperties properties = new PicturesProperties(this.folder, this.temp.resolve("cache"), 160, 48);
		this.store = new PictureStore(properties);
		this.thumbnails = new ThumbnailCache(properties);
	}

	@Test
	void makesASmallJpegOnceOutsideThePicturesFolder() throws IOException {
		TestImages.write(this.folder, "cam/big.jpg", 1600, 1200);
		Path thumbnail = this.thumbnails.thumbnail(find("cam/big.jpg"));
		assertThat(thumbnail).startsWith(this.temp.resolve("cache").toRealPath());
		assertThat(ImageDimensions.read(thumbnail)).isEqualTo(new ImageDimensions(160, 120));
		FileTime made = Files.getLastModifiedTime(thumbnail);
		Files.setLastModifiedTime(thumbnail, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
		assertThat(this.thumbnails.thumbnail(find("cam/big.jpg"))).isEqualTo(thumbnail);
		assertThat(Files.getLastModifiedTime(thumbnail)).as("not made again")
			.isNotEqualTo(made)
			.isEqualTo(FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
	}

	@Test
	void aChangedPictureGetsANewThumbnailAndTheStaleOneGoes() throws IOException {
		Path file = TestImages.write(this.folder, "cam/x.png", 800, 400);
		Path first = this.thumbnails.thumbnail(find("cam/x.png"));
		Files.write(file, TestImages.png(400, 800));
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
		Path second = this.thumbnails.thumbnail(find("cam/x.png"));
		assertThat(second).isNotEqualTo(first);
		assertThat(first).doesNotExist();
		assertThat(ImageDimensions.read(second)).isEqualTo(new ImageDimensions(80, 160));
	}

	@Test
	void aCorruptPictureHasNoThumbnailAndIsNotDecodedAgain() throws IOException {
		Path file = this.folder.resolve("cam/broken.jpg");
		Files.createDirectories(file.getParent());
		Files.write(file, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3 });
		assertThat(this.thumbnails.thumbnail(find("cam/broken.jpg"))).isNull();
		try (Stream<Path> cached = Files.list(this.temp.resolve("cache/cam"))) {
			assertThat(cached.map((p) -> p.getFileName().toString())).singleElement()
				.satisfies((name) -> assertThat(name).startsWith("broken.jpg@").endsWith(".unreadable"));
		}
		Files.write(this.folder.resolve("cam/empty.jpg"), new byte[0]);
		assertThat(this.thumbnails.thumbnail(find("cam/empty.jpg"))).isNull();
	}

	@Test
	void aPictureVanishingBeforeItsThumbnailIsMadeIsReportedAsGone() throws IOException {
		Path file = TestImages.write(this.folder, "cam/x.jpg", 64, 48);
		PictureStore.Found found = find("cam/x.jpg");
		Files.delete(file);
		assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> this.thumbnails.thumbnail(found));
	}

	@Test
	void removesEveryVersionOfAThumbnailButNoOtherPicturesOnes() throws IOException {
		TestImages.write(this.folder, "cam/a.jpg", 64, 48);
		TestImages.write(this.folder, "cam/a.jpg.b.jpg", 64, 48);
		Path a = this.thumbnails.thumbnail(find("cam/a.jpg"));
		Path ab = this.thumbnails.thumbnail(find("cam/a.jpg.b.jpg"));
		this.thumbnails.remove(PictureName.of("cam/a.jpg"));
		assertThat(a).doesNotExist();
		assertThat(ab).exists();
	}

	private PictureStore.Found find(String name) {
		return this.store.find(PictureName.of(name));
	}

}
