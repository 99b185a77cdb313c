package io.camdash.notes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NoteStoreTests {

	@TempDir
	Path temp;

	private Path folder;

	private NoteStore store;

	@BeforeEach
	void createStore() {
		this.folder = this.temp.resolve("notes");
		this.store = new NoteStore(new NotesProperties(this.folder, DataSize.ofKilobytes(1), 4, 50));
	}

	@Test
	void createsTheFolderWhenMissing() {
		assertThat(this.folder).isDirectory();
	}

	@Test
	void createsReadsAndSavesNotesAtomically() throws IOException {
		NoteFile created = this.store.create(NotePath.note("cams/door.md"), "# Door\n");
		assertThat(Files.readString(this.folder.resolve("cams/door.md"))).isEqualTo("# Door\n");
		NoteFile saved = this.store.save(created.path(), "# Door\n\nbattery low\n", created.version());
		assertThat(saved.content()).endsWith("battery low\n");
		assertThat(saved.version()).isNotEqualTo(created.version());
		try (Stream<Path> files = Files.list(this.folder.resolve("cams"))) {
			assertThat(files).extracting((file) -> file.getFileName().toString()).containsExactly("door.md");
		}
	}

	@Test
	void refusesASaveOverAChangeMadeOnDisk() throws IOException {
		NoteFile opened = this.store.create(NotePath.note("door.md"), "mine");
		Files.writeString(this.folder.resolve("door.md"), "changed by hand");
		assertThatExceptionOfType(NoteConflictException.class)
			.isThrownBy(() -> this.store.save(opened.path(), "my edit", opened.version()))
			.satisfies((ex) -> assertThat(ex.onDisk().content()).isEqualTo("changed by hand"));
		assertThat(Files.readString(this.folder.resolve("door.md"))).isEqualTo("changed by hand");
	}

	@Test
	void refusesASaveOverANoteDeletedOnDisk() throws IOException {
		NoteFile opened = this.store.create(NotePath.note("door.md"), "mine");
		Files.delete(this.folder.resolve("door.md"));
		assertThatExceptionOfType(NoteConflictException.class)
			.isThrownBy(() -> this.store.save(opened.path(), "my edit", opened.version()))
			.satisfies((ex) -> assertThat(ex.onDisk()).isNull());
	}

	@Test
	void touchingAFileIsNoConflict() throws IOException {
		NoteFile opened = this.store.create(NotePath.note("door.md"), "mine");
		Files.setLastModifiedTime(this.folder.resolve("door.md"),
				java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
		assertThat(this.store.save(opened.path(), "edited", opened.version()).content()).isEqualTo("edited");
	}

	@Test
	void refusesToCreateOverAnExistingNote() {
		this.store.create(NotePath.note("door.md"), "first");
		assertThatExceptionOfType(NoteConflictException.class)
			.isThrownBy(() -> this.store.create(NotePath.note("door.md"), "second"));
	}

	@Test
	void renamesAndMovesIntoNewFolders() {
		this.store.create(NotePath.note("door.md"), "text");
		this.store.rename(NotePath.note("door.md"), NotePath.note("house/front/door-2.md"));
		assertThat(this.folder.resolve("door.md")).doesNotExist();
		assertThat(this.folder.resolve("house/front/door-2.md")).hasContent("text");
	}

	@Test
	void refusesToMoveOntoAnExistingNote() {
		this.store.create(NotePath.note("a.md"), "a");
		this.store.create(NotePath.note("b.md"), "b");
		assertThatExceptionOfType(NoteConflictException.class)
			.isThrownBy(() -> this.store.rename(NotePath.note("a.md"), NotePath.note("b.md")));
		assertThat(this.folder.resolve("b.md")).hasContent("b");
		assertThat(this.folder.resolve("a.md")).hasContent("a");
	}

	@Test
	void deletesAndThenReportsNotFound() {
		this.store.create(NotePath.note("door.md"), "text");
		this.store.delete(NotePath.note("door.md"));
		assertThatExceptionOfType(NoteNotFoundException.class)
			.isThrownBy(() -> this.store.read(NotePath.note("door.md")));
		assertThatExceptionOfType(NoteNotFoundException.class)
			.isThrownBy(() -> this.store.delete(NotePath.note("door.md")));
	}

	@Test
	void refusesNotesOverTheSizeLimit() {
		assertThatExceptionOfType(NoteTooLargeException.class)
			.isThrownBy(() -> this.store.create(NotePath.note("big.md"), "x".repeat(1025)))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(413));
		// Bytes count, not characters.
		assertThatExceptionOfType(NoteTooLargeException.class)
			.isThrownBy(() -> this.store.create(NotePath.note("big.md"), "é".repeat(600)));
		assertThat(this.store.create(NotePath.note("ok.md"), "x".repeat(1024)).content()).hasSize(1024);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../secret.md", "a/../../secret.md", "/etc/passwd.md", "..", ".hidden.md", "a//b.md",
			"a\\b.md", "C:/x.md", "door.txt", "door.md/", "%2e%2e/x.md", " a.md", "a /b.md", "\u00e9t\u00e9/../../x.md",
			"a\u0007b.md", "a\u202eb.md", "nul.md", "a?.md", ".\u6811.md", "door.md\u0000.md", "" })
	void rejectsUnsafeNames(String name) {
		assertThatExceptionOfType(NotePath.InvalidNoteNameException.class).isThrownBy(() -> NotePath.note(name))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(400));
	}

	@Test
	void acceptsNestedNames() {
		assertThat(NotePath.note("cams/door_2.v1.md").value()).isEqualTo("cams/door_2.v1.md");
		assertThat(NotePath.note("Einkauf/Shopping list.md").value()).isEqualTo("Einkauf/Shopping list.md");
		assertThat(NotePath.note("\u6811\u8393\u6d3e.md").url()).isEqualTo("/notes/%E6%A0%91%E8%8E%93%E6%B4%BE.md");
		assertThat(NotePath.note("Garten/Shopping list #2.md").url())
			.isEqualTo("/notes/Garten/Shopping%20list%20%232.md");
		assertThat(NotePath.fromUrl("/cams/door.md").value()).isEqualTo("cams/door.md");
		assertThat(NotePath.note("cams/door.md").parent()).isEqualTo(NotePath.folder("cams"));
	}

	@Test
	void makesSafeFileNamesFromTitles() {
		assertThat(NotePath.fromTitle(NotePath.ROOT, "Front door (north) — été!"))
			.hasToString("front-door-north-ete.md");
		assertThat(NotePath.fromTitle(NotePath.folder("cams"), "../../etc/passwd")).hasToString("cams/etc-passwd.md");
		assertThat(NotePath.fromTitle(NotePath.ROOT, "日本")).hasToString("日本.md");
		assertThat(NotePath.fromTitle(NotePath.ROOT, "\u30d5\u3099\u30ed\u30b0")).hasToString("\u30d6\u30ed\u30b0.md");
		assertThat(NotePath.fromTitle(NotePath.ROOT, "\u0928\u092e\u0938\u094d\u0924\u0947 Pi"))
			.hasToString("\u0928\u092e\u0938\u094d\u0924\u0947-pi.md");
		assertThat(NotePath.fromTitle(NotePath.ROOT, "!!!")).hasToString("note.md");
	}

	@Test
	void doesNotFollowSymbolicLinksOutOfTheFolder() throws IOException {
		Path outside = Files.writeString(this.temp.resolve("secret.md"), "secret");
		Files.createSymbolicLink(this.folder.resolve("link.md"), outside);
		Files.createDirectories(this.temp.resolve("elsewhere"));
		Files.createSymbolicLink(this.folder.resolve("away"), this.temp.resolve("elsewhere"));
		assertThatExceptionOfType(NoteNotFoundException.class)
			.isThrownBy(() -> this.store.read(NotePath.note("link.md")));
		assertThatExceptionOfType(NotePath.InvalidNoteNameException.class)
			.isThrownBy(() -> this.store.create(NotePath.note("away/planted.md"), "x"));
		assertThatExceptionOfType(NotePath.InvalidNoteNameException.class)
			.isThrownBy(() -> this.store.save(NotePath.note("link.md"), "x", NoteFile.MISSING));
		assertThat(this.temp.resolve("elsewhere/planted.md")).doesNotExist();
		assertThat(outside).hasContent("secret");
	}

	@Test
	void followsSymbolicLinksThatStayInside() throws IOException {
		this.store.create(NotePath.note("real.md"), "# Real");
		Files.createSymbolicLink(this.folder.resolve("alias.md"), this.folder.resolve("real.md"));
		assertThat(this.store.read(NotePath.note("alias.md")).content()).isEqualTo("# Real");
	}

}
