package io.camdash.pictures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PictureStoreTests {

	@TempDir
	Path temp;

	private Path folder;

	private PictureStore store;

	@BeforeEach
	void store() throws IOException {
		this.folder = this.temp.resolve("pictures");
		this.store = new PictureStore(new PicturesProperties(this.folder, this.temp.resolve("cache"), 320, 48));
	}

	@Test
	void temporaryFilesLeftByACrashAreRemovedAtStartAndPicturesKept() throws IOException {
		Path day = Files.createDirectories(this.folder.resolve("cam/2026-11-21"));
		Path leftover = Files.write(day.resolve(".cam_20261121-083000-000-6402836427391840512.tmp"), new byte[10]);
		Path picture = Files.write(day.resolve("cam_20261121-083000-000.jpg"), TestImages.jpeg(8, 8));
		new PictureStore(new PicturesProperties(this.folder, this.temp.resolve("cache"), 320, 48));
		assertThat(leftover).doesNotExist();
		assertThat(picture).exists();
	}

	@Test
	void createsItsFolderAndSavesUnderCameraAndDay() throws IOException {
		assertThat(this.folder).isDirectory();
		Instant at = Instant.parse("2024-05-01T10:15:30.123Z");
		Picture picture = this.store.save("cam", TestImages.jpeg(32, 24), at);
		String local = Picture.NAME_TIME.format(at.atZone(ZoneId.systemDefault()));
		String day = Picture.DAY_FOLDER.format(at.atZone(ZoneId.systemDefault()));
		assertThat(picture.name().value()).isEqualTo("cam/" + day + "/cam_" + local + ".jpg");
		assertThat(picture.camera()).isEqualTo("cam");
		assertThat(picture.takenAt()).isEqualTo(at);
		assertThat(this.folder.resolve(picture.name().value())).hasBinaryContent(TestImages.jpeg(32, 24));
	}

	@Test
	void picturesOfTheSameMillisecondGetDistinctNamesAndNoTemporaryFileIsLeft() throws Exception {
		Instant at = Instant.parse("2024-05-01T10:15:30.123Z");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Picture>> saves = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				byte[] jpeg = TestImages.jpeg(16 + i, 16);
				saves.add(() -> this.store.save("cam", jpeg, at));
			}
			List<String> names = new ArrayList<>();
			for (Future<Picture> saved : pool.invokeAll(saves)) {
				names.add(saved.get().name().value());
			}
			assertThat(names).hasSize(20).doesNotHaveDuplicates();
		}
		finally {
			pool.shutdownNow();
		}
		try (Stream<Path> files = Files.walk(this.folder)) {
			assertThat(files.filter(Files::isRegularFile).map((f) -> f.getFileName().toString())).hasSize(20)
				.allMatch((name) -> name.endsWith(".jpg") && !name.startsWith("."));
		}
	}

	@Test
	void listsPicturesOnlyLeavingOutTemporaryHiddenOtherAndLinkedFiles() throws IOException {
		TestImages.write(this.folder, "cam/2024-05-01/cam_20240501-101530-123.jpg", 8, 8);
		TestImages.write(this.folder, "cam/2024-05-01/cam_20240501-101530-123-2.jpg", 8, 8);
		TestImages.write(this.folder, "top.PNG", 8, 8);
		Files.writeString(this.folder.resolve("cam/2024-05-01/.cam_x.jpg-123.tmp"), "half written");
		Files.writeString(this.folder.resolve("cam/readme.txt"), "text");
		TestImages.write(this.folder, ".hidden/secret.jpg", 8, 8);
		TestImages.write(this.folder, "a/b/c/too-deep.jpg", 8, 8);
		Files.createSymbolicLink(this.folder.resolve("cam/link.jpg"), this.folder.resolve("top.PNG"));
		List<String> names = this.store.list().pictures().stream().map((p) -> p.name().value()).sorted().toList();
		assertThat(names).containsExactly("cam/2024-05-01/cam_20240501-101530-123-2.jpg",
				"cam/2024-05-01/cam_20240501-101530-123.jpg", "top.PNG");
	}

	@Test
	void takesTheTimeFromTheNameAndFallsBackToTheModifiedTime() throws IOException {
		Path file = TestImages.write(this.folder, "door/door_20240501-101530-123.jpg", 8, 8);
		Path other = TestImages.write(this.folder, "door/IMG_0001.jpg", 8, 8);
		Files.setLastModifiedTime(other, FileTime.from(Instant.parse("2023-01-02T03:04:05Z")));
		Picture first = this.store.find(PictureName.of("door/door_20240501-101530-123.jpg")).picture();
		Instant named = java.time.LocalDateTime.of(2024, 5, 1, 10, 15, 30, 123_000_000)
			.atZone(ZoneId.systemDefault())
			.toInstant();
		assertThat(first.takenAt()).isEqualTo(named);
		assertThat(first.size()).isEqualTo(Files.size(file));
		Picture second = this.store.find(PictureName.of("door/IMG_0001.jpg")).picture();
		assertThat(second.camera()).isEqualTo("door");
		assertThat(second.takenAt()).isEqualTo(Instant.parse("2023-01-02T03:04:05Z"));
	}

	@Test
	void aPictureVanishingBetweenFindAndOpenIs404() throws IOException {
		Path file = TestImages.write(this.folder, "cam/x.jpg", 8, 8);
		PictureStore.Found found = this.store.find(PictureName.of("cam/x.jpg"));
		Files.delete(file);
		assertThatExceptionOfType(PictureStore.PictureNotFoundException.class).isThrownBy(() -> this.store.open(found))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(404));
	}

	@Test
	void neverReachesOrDeletesThroughSymlinks() throws IOException {
		Path outside = Files.createDirectories(this.temp.resolve("outside"));
		Path secret = Files.write(outside.resolve("secret.jpg"), TestImages.jpeg(8, 8));
		Files.createDirectories(this.folder.resolve("cam"));
		Files.createSymbolicLink(this.folder.resolve("cam/link.jpg"), secret);
		Files.createSymbolicLink(this.folder.resolve("escape"), outside);
		for (String name : List.of("cam/link.jpg", "escape/secret.jpg")) {
			assertThatExceptionOfType(PictureStore.PictureNotFoundException.class)
				.isThrownBy(() -> this.store.find(PictureName.of(name)));
			assertThat(this.store.delete(PictureName.of(name))).isFalse();
		}
		assertThat(secret).exists();
		assertThat(Files.isSymbolicLink(this.folder.resolve("cam/link.jpg"))).isTrue();
	}

	@Test
	void deletesAPictureOnce() throws IOException {
		Path file = TestImages.write(this.folder, "cam/x.jpg", 8, 8);
		assertThat(this.store.delete(PictureName.of("cam/x.jpg"))).isTrue();
		assertThat(file).doesNotExist();
		assertThat(this.store.delete(PictureName.of("cam/x.jpg"))).isFalse();
	}

	@Test
	void opensWhatItFound() throws IOException {
		TestImages.write(this.folder, "cam/x.jpg", 8, 8);
		try (InputStream in = this.store.open(this.store.find(PictureName.of("cam/x.jpg")))) {
			assertThat(in.readAllBytes()).isEqualTo(TestImages.jpeg(8, 8));
		}
	}

}
