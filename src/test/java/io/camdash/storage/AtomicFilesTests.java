package io.camdash.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import io.camdash.storage.AtomicFiles.Durability;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes are atomic and durable: the JVM's own flight recorder shows each {@code fsync},
 * of the file before its rename and of the folder after.
 */
class AtomicFilesTests {

	@TempDir
	Path folder;

	@Test
	void aDurableWriteSyncsTheTemporaryFileThenTheFolder() throws IOException {
		Path target = this.folder.resolve("note.md");
		List<String> synced = syncedPaths(() -> AtomicFiles.write(target, bytes("text"), Durability.DURABLE));
		assertThat(synced).hasSize(2);
		Path syncedFile = Path.of(synced.get(0));
		assertThat(syncedFile.getParent()).isEqualTo(this.folder);
		assertThat(AtomicFiles.isTemporary(syncedFile.getFileName().toString())).isTrue();
		assertThat(Path.of(synced.get(1))).isEqualTo(this.folder);
		assertThat(Files.readString(target)).isEqualTo("text");
		assertThat(this.folder).isDirectoryNotContaining((path) -> AtomicFiles.isTemporary(path.toString()));
	}

	@Test
	void aCacheWriteIsAtomicWithoutSyncing() throws IOException {
		Path target = this.folder.resolve("thumb.jpg");
		Files.writeString(target, "old");
		assertThat(syncedPaths(() -> AtomicFiles.write(target, bytes("new"), Durability.CACHE))).isEmpty();
		assertThat(Files.readString(target)).isEqualTo("new");
	}

	@Test
	void aWriteKeepsTheAttributesAsked() throws IOException {
		Path target = this.folder.resolve("secret");
		AtomicFiles.write(target, bytes("key"), Durability.DURABLE,
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
	}

	@Test
	void leftoversOfACrashAreRemovedAndNothingElse() throws IOException {
		Path day = Files.createDirectories(this.folder.resolve("cam/2026-11-21"));
		Path leftover = Files.writeString(day.resolve(".cam_20261121-083000-000-8155243187339414127.tmp"), "half");
		Path oldSecret = Files.writeString(this.folder.resolve(".remember-me-key1234567.tmp"), "half");
		Path picture = Files.writeString(day.resolve("cam_20261121-083000-000.jpg"), "jpeg");
		Path usersTemp = Files.writeString(day.resolve("draft.tmp"), "mine");
		Path hidden = Files.writeString(day.resolve(".hidden"), "mine");
		assertThat(AtomicFiles.removeLeftovers(this.folder, 3)).isEqualTo(2);
		assertThat(leftover).doesNotExist();
		assertThat(oldSecret).doesNotExist();
		assertThat(picture).exists();
		assertThat(usersTemp).exists();
		assertThat(hidden).exists();
	}

	@Test
	void writeProblemsAreToldInWords() {
		assertThat(WriteProblem.describe(new IOException("No space left on device"), "the notes folder"))
			.isEqualTo("the disk is full");
		assertThat(WriteProblem.describe(
				new java.nio.file.FileSystemException("/n/x.md", null, "Read-only file system"), "the notes folder"))
			.isEqualTo("the notes folder is read-only");
		assertThat(WriteProblem.describe(new IOException("Input/output error"), "the notes folder"))
			.isEqualTo("the disk could not be written");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The paths {@code FileChannel.force} was called on while the action ran, in order.
	 */
	private static List<String> syncedPaths(IoAction action) throws IOException {
		Path dump = Files.createTempFile("atomic-files", ".jfr");
		try (Recording recording = new Recording()) {
			recording.enable("jdk.FileForce").withoutThreshold().withoutStackTrace();
			recording.start();
			action.run();
			recording.stop();
			recording.dump(dump);
			return RecordingFile.readAllEvents(dump)
				.stream()
				.filter((event) -> event.getThread() != null
						&& event.getThread().getJavaThreadId() == Thread.currentThread().getId())
				.map((RecordedEvent event) -> event.getString("path"))
				.toList();
		}
		finally {
			Files.deleteIfExists(dump);
		}
	}

	interface IoAction {

		void run() throws IOException;

	}

}
