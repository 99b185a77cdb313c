package io.camdash.storage;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.camdash.support.SignedInClient;
import io.camdash.support.SmallDisk;
import io.camdash.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full or read-only disk is said in words, and a note's typed text comes back in the
 * editor: on a real tmpfs filled up or remounted read-only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DiskProblemsIntegrationTests {

	private static SmallDisk disk;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void foldersOnASmallDisk(DynamicPropertyRegistry registry) {
		disk = SmallDisk.mount("disk-problems", "2m");
		registry.add("camdash.notes.folder", () -> disk.path().resolve("notes").toString());
		registry.add("camdash.pictures.folder", () -> disk.path().resolve("pictures").toString());
	}

	@AfterEach
	void repair() throws IOException {
		disk.readOnly(false);
		disk.free();
	}

	@AfterAll
	static void unmount() {
		disk.close();
	}

	@Test
	void savingANoteOnAFullDiskShowsTheEditorWithTheTextAndSaysTheDiskIsFull() throws IOException {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		String note = admin.post("/notes/new", Map.of("title", "Shopping", "content", "milk"))
			.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceFirst("^https?://[^/]+", "");
		String version = Jsoup.parse(admin.get(note + "?edit").body()).selectFirst("input[name=version]").val();
		disk.fill();
		String typed = "# Shopping\n\nmilk, eggs and a long list typed for ten minutes";
		HttpResponse<String> refused = admin.post(note + "?action=save", Map.of("content", typed, "version", version));
		assertThat(refused.statusCode()).isEqualTo(507);
		Document editor = Jsoup.parse(refused.body());
		assertThat(editor.selectFirst("textarea[name=content]").val()).isEqualTo(typed);
		assertThat(editor.select(".alert-danger").text()).contains("the disk is full");
		assertThat(refused.body()).doesNotContain("Exception", "java.");
		// Once there is room, the same form saves.
		disk.free();
		HttpResponse<String> saved = admin.post(note + "?action=save",
				Map.of("content", typed, "version", editor.selectFirst("input[name=version]").val()));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(Files.readString(disk.path().resolve("notes").resolve(note.substring("/notes/".length()))))
			.isEqualTo(typed);
	}

	@Test
	void creatingANoteInAReadOnlyFolderKeepsTheTextAndSaysTheFolderIsReadOnly() {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		admin.refreshCsrfToken("/notes/new");
		disk.readOnly(true);
		HttpResponse<String> refused = admin.post("/notes/new", Map.of("title", "Ideas", "content", "a garden"));
		assertThat(refused.statusCode()).isEqualTo(503);
		Document editor = Jsoup.parse(refused.body());
		assertThat(editor.selectFirst("textarea[name=content]").val()).isEqualTo("a garden");
		assertThat(editor.selectFirst("input[name=title]").val()).isEqualTo("Ideas");
		assertThat(editor.select(".alert-danger").text()).contains("the notes folder is read-only");
		assertThat(refused.body()).doesNotContain("Exception", "java.");
	}

	@Test
	void aPhotoOnAFullDiskIsRefusedInWords() throws IOException {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		disk.fill();
		HttpResponse<String> refused = admin.send("POST", "/cameras/cam/snapshots", Map.of(), true);
		assertThat(refused.statusCode()).isEqualTo(507);
		assertThat(refused.body()).contains("The photo was not saved: the disk is full")
			.doesNotContain("Exception", "java.");
		try (var left = Files.walk(disk.path().resolve("pictures"))) {
			assertThat(left.filter(Files::isRegularFile).map(Path::getFileName).map(Path::toString))
				.noneMatch((name) -> name.endsWith(".jpg") || name.endsWith(".tmp"));
		}
	}

}
