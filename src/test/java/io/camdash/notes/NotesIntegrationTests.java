package io.camdash.notes;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.camdash.support.SignedInClient;
import io.camdash.support.TestFolders;
import io.camdash.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NotesIntegrationTests {

	@LocalServerPort
	private int port;

	private HttpClient http;

	private String csrfToken;

	private static Path folder() {
		return TestFolders.NOTES;
	}

	@BeforeEach
	void signIn() {
		SignedInClient session = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		this.http = session.httpClient();
		this.csrfToken = session.csrfToken();
	}

	@BeforeEach
	void emptyFolder() {
		TestFolders.empty(folder());
	}

	@Test
	void listShowsTheTreeWithTitlesAndSendsTheContentSecurityPolicy() throws Exception {
		write("welcome.md", "# Welcome home\n\ntext");
		write("cams/door.md", "no heading here");
		HttpResponse<String> response = get("/notes");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
			.startsWith("default-src 'self'")
			.contains("object-src 'none'");
		Document page = Jsoup.parse(response.body());
		assertThat(page.select(".note-row .note-title").eachText()).containsExactly("door", "Welcome home");
		assertThat(page.select(".note-folder").text()).contains("cams");
		assertThat(page.select(".note-row").eachAttr("href")).containsExactly("/notes/cams/door.md",
				"/notes/welcome.md");
		assertThat(page.select("script:not([src])")).isEmpty();
		assertThat(page.select("[style]")).isEmpty();
	}

	@Test
	void notePageRendersSanitizedMarkdownAndServesImagesNextToIt() throws Exception {
		write("cams/door.md", "# Door\n\n![plan](plan.png) [home](../welcome.md)\n\n<script>alert(1)</script>\n\n"
				+ "[x](javascript:alert(1))\n\n## One\n## Two\n## Three\n");
		Files.write(folder().resolve("cams/plan.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		HttpResponse<String> response = get("/notes/cams/door.md");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
			.startsWith("default-src 'self'")
			.contains("object-src 'none'");
		Document page = Jsoup.parse(response.body());
		assertThat(page.title()).startsWith("Door");
		assertThat(page.select(".note-body img").attr("src")).isEqualTo("plan.png");
		assertThat(page.select(".note-body a[href=../welcome.md]")).hasSize(1);
		assertThat(page.select(".note-body").text()).contains("<script>alert(1)</script>");
		assertThat(page.select("script:not([src])")).isEmpty();
		assertThat(page.select(".note-toc a").eachAttr("href")).containsExactly("#door", "#one", "#two", "#three");
		MarkdownRendererTests.assertSafe(page.select(".note-body").html());
		HttpResponse<byte[]> image = this.http.send(request("/notes/cams/plan.png").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
	}

	@Test
	void badOrMissingNamesAnswer400Or404WithoutAStackTrace() throws Exception {
		write("door.md", "# Door");
		assertThat(get("/notes/missing.md").statusCode()).isEqualTo(404);
		assertThat(get("/notes/door.txt").statusCode()).isEqualTo(404);
		assertThat(get("/notes/.hidden.md").statusCode()).isEqualTo(400);
		assertThat(get("/notes/%2e%2e/secret.md").statusCode()).isIn(400, 404);
		assertThat(get("/notes/a%2F..%2F..%2Fsecret.md").statusCode()).isIn(400, 404);
		HttpResponse<String> bad = get("/notes/sub/..hidden.md?edit");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).doesNotContain("at io.camdash").doesNotContain("Exception");
	}

	@Test
	void noteChangedOrDeletedByHandShowsOnTheNextRequest() throws Exception {
		write("door.md", "# Door\n\nfirst");
		assertThat(get("/notes/door.md").body()).contains("first");
		write("door.md", "# Door\n\nsecond");
		assertThat(get("/notes/door.md").body()).contains("second");
		assertThat(get("/notes/search?q=second").body()).contains("/notes/door.md");
		Files.delete(folder().resolve("door.md"));
		assertThat(get("/notes/door.md").statusCode()).isEqualTo(404);
		assertThat(get("/notes").body()).doesNotContain("/notes/door.md");
	}

	@Test
	void aViewerNeverGetsAnEditorButTheNoteToReadAndASentenceSayingWhy() throws Exception {
		write("door.md", "# Door\n\nBattery low.");
		SignedInClient viewer = SignedInClient.signIn(this.port, TestUsers.VIEWER);
		HttpResponse<String> edit = viewer.get("/notes/door.md?edit");
		assertThat(edit.statusCode()).isEqualTo(302);
		assertThat(edit.headers().firstValue("Location").orElseThrow()).endsWith("/notes/door.md");
		Document note = Jsoup.parse(viewer.get("/notes/door.md").body());
		assertThat(note.select(".flash-message").text()).contains("Only an administrator can edit notes");
		assertThat(note.select(".note-body").text()).contains("Battery low.");
		assertThat(note.select("textarea, #edit-note, #rename-form")).isEmpty();
		HttpResponse<String> create = viewer.get("/notes/new");
		assertThat(create.statusCode()).isEqualTo(302);
		assertThat(create.headers().firstValue("Location").orElseThrow()).endsWith("/notes");
		Document list = Jsoup.parse(viewer.get("/notes").body());
		assertThat(list.select(".flash-message").text()).contains("Only an administrator can write notes");
		assertThat(list.select("textarea, #new-note")).isEmpty();
	}

	@Test
	void createsANoteFromTitleAndFolder() throws Exception {
		HttpResponse<String> created = post("/notes/new",
				Map.of("title", "Front door (north)", "folder", "cams", "content", "Battery **low**."));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/notes/cams/front-door-north.md"));
		assertThat(folder().resolve("cams/front-door-north.md")).hasContent("# Front door (north)\n\nBattery **low**.");
		HttpResponse<String> again = post("/notes/new",
				Map.of("title", "Front door (north)", "folder", "cams", "content", "other"));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(Jsoup.parse(again.body()).select(".flash-error").text()).contains("already exists");
		assertThat(Jsoup.parse(again.body()).select("#note-content").text()).isEqualTo("other");
		assertThat(post("/notes/new", Map.of("title", "x", "folder", "../up", "content", "")).statusCode())
			.isEqualTo(400);
	}

	@Test
	void savesWithTheOpenedVersionAndRefusesAStaleOneShowingBothVersions() throws Exception {
		write("door.md", "# Door\n\noriginal");
		Document editor = Jsoup.parse(get("/notes/door.md?edit").body());
		String version = editor.select("input[name=version]").val();
		assertThat(editor.select("#note-content").text()).contains("original");
		HttpResponse<String> saved = post("/notes/door.md?action=save",
				Map.of("content", "# Door\n\nmine", "version", version));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(folder().resolve("door.md")).hasContent("# Door\n\nmine");
		write("door.md", "# Door\n\ntheirs on disk");
		HttpResponse<String> refused = post("/notes/door.md?action=save",
				Map.of("content", "# Door\n\nmine again", "version", version));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(folder().resolve("door.md")).hasContent("# Door\n\ntheirs on disk");
		Document conflict = Jsoup.parse(refused.body());
		assertThat(conflict.select(".flash-error").text()).contains("changed on disk");
		assertThat(conflict.select("#note-content").val()).contains("mine again");
		assertThat(conflict.select("#disk-content").val()).contains("theirs on disk");
		String diskVersion = conflict.select("input[name=version]").val();
		HttpResponse<String> merged = post("/notes/door.md?action=save",
				Map.of("content", "# Door\n\nmerged", "version", diskVersion));
		assertThat(merged.statusCode()).isEqualTo(302);
		assertThat(folder().resolve("door.md")).hasContent("# Door\n\nmerged");
	}

	@Test
	void refusesNotesOverTheSizeLimitWith413() throws Exception {
		write("door.md", "# Door");
		String version = NoteFile.versionOf("# Door".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> tooBig = post("/notes/door.md?action=save",
				Map.of("content", "x".repeat(1024 * 1024 + 1), "version", version));
		assertThat(tooBig.statusCode()).isEqualTo(413);
		assertThat(tooBig.body()).contains("too large");
		assertThat(folder().resolve("door.md")).hasContent("# Door");
		assertThat(post("/notes/preview", Map.of("content", "é".repeat(600_000))).statusCode()).isEqualTo(413);
	}

	@Test
	void renamesMovesAndDeletes() throws Exception {
		write("door.md", "# Door");
		write("taken.md", "# Taken");
		HttpResponse<String> moved = post("/notes/door.md?action=rename",
				Map.of("folder", "house", "name", "front-door"));
		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/notes/house/front-door.md");
		assertThat(folder().resolve("house/front-door.md")).hasContent("# Door");
		HttpResponse<String> refused = post("/notes/house/front-door.md?action=rename",
				Map.of("folder", "", "name", "taken.md"));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(folder().resolve("taken.md")).hasContent("# Taken");
		assertThat(post("/notes/house/front-door.md?action=rename", Map.of("folder", "..", "name", "x")).statusCode())
			.isEqualTo(400);
		assertThat(post("/notes/house/front-door.md?action=delete", Map.of()).statusCode()).isEqualTo(302);
		assertThat(folder().resolve("house/front-door.md")).doesNotExist();
		assertThat(post("/notes/house/front-door.md?action=delete", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void anEmptyFolderIsRemovedFromTheListWithItsOwnButton() throws Exception {
		Files.createDirectories(folder().resolve("Garten S\u00fcd/leer"));
		write("cams/door.md", "# Door");
		Document list = Jsoup.parse(get("/notes").body());
		assertThat(list.select("form.delete-folder-form").eachAttr("action"))
			.containsExactly("/notes/Garten%20S%C3%BCd/leer?action=delete-folder");
		assertThat(list.select("form.delete-folder-form").attr("data-confirm")).contains("Garten S\u00fcd/leer");
		HttpResponse<String> removed = post("/notes/Garten%20S%C3%BCd/leer?action=delete-folder", Map.of());
		assertThat(removed.statusCode()).isEqualTo(302);
		assertThat(removed.headers().firstValue("Location").orElseThrow()).endsWith("/notes");
		assertThat(folder().resolve("Garten S\u00fcd/leer")).doesNotExist();
		assertThat(folder().resolve("Garten S\u00fcd")).isDirectory();
		assertThat(post("/notes/Garten%20S%C3%BCd?action=delete-folder", Map.of()).statusCode()).isEqualTo(302);
		assertThat(folder().resolve("Garten S\u00fcd")).doesNotExist();
		assertThat(post("/notes/Garten%20S%C3%BCd?action=delete-folder", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void aFolderThatHoldsAnythingStaysWithASentenceSayingWhy() throws Exception {
		write("cams/door.md", "# Door");
		write("pictures-only/plan.png", "not shown in the list");
		write("hidden-only/.keep", "");
		for (String name : List.of("cams", "pictures-only", "hidden-only")) {
			HttpResponse<String> refused = post("/notes/" + name + "?action=delete-folder", Map.of());
			assertThat(refused.statusCode()).as(name).isEqualTo(302);
			assertThat(folder().resolve(name)).as(name).isDirectory();
			String message = Jsoup.parse(get("/notes").body()).select(".flash-error").text();
			assertThat(message).as(name)
				.startsWith("Not removed: the folder " + name + " is not empty (1 item in it")
				.contains("Move or delete what it holds first.");
		}
		assertThat(folder().resolve("cams/door.md")).hasContent("# Door");
		assertThat(post("/notes/?action=delete-folder", Map.of()).statusCode()).isIn(400, 404);
		assertThat(post("/notes/..?action=delete-folder", Map.of()).statusCode()).isIn(400, 404);
		assertThat(folder()).isDirectory();
	}

	@Test
	void searchShowsEscapedSnippetsWithMarkedWords() throws Exception {
		write("night.md", "# Night vision\n\nThe IR light & the <b>night</b> filter.");
		write("other.md", "# Other\n\nAt night the camera sleeps.");
		HttpResponse<String> response = get("/notes/search?q=night");
		assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
		Document page = Jsoup.parse(response.body());
		assertThat(page.select(".search-hit").eachAttr("href")).containsExactly("/notes/night.md", "/notes/other.md");
		assertThat(page.select(".search-hit").first().select(".hit-title mark").text()).isEqualTo("Night");
		assertThat(page.select(".hit-snippet mark").eachText()).contains("night");
		assertThat(page.select(".hit-snippet b")).isEmpty();
		assertThat(response.body()).doesNotContain("<b>night</b>");
	}

	@Test
	void previewRendersWithTheSameSanitizer() throws Exception {
		HttpResponse<String> preview = post("/notes/preview",
				Map.of("content", "# Hi\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n- [x] done"));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(preview.body()).contains("<h1 id=\"hi\">").contains("task-list-item").doesNotContain("javascript:");
		MarkdownRendererTests.assertSafe(preview.body());
	}

	@Test
	void aPictureEmbeddedWithItsShortFormIsServedByTheGallery() throws Exception {
		Path picture = TestFolders.PICTURES.resolve("cam/2026-11-21/cam_20261121-093000-000.jpg");
		Files.createDirectories(picture.getParent());
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9 };
		Files.write(picture, jpeg);
		write("door.md", "# Door\n\n![door](picture:cam/2026-11-21/cam_20261121-093000-000.jpg)");
		String src = Jsoup.parse(get("/notes/door.md").body()).select(".note-body img").attr("src");
		HttpResponse<byte[]> image = this.http.send(request(src).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(image.statusCode()).as(src).isEqualTo(200);
		assertThat(image.body()).isEqualTo(jpeg);
	}

	@Test
	void notesWithSpacesAccentsAndCjkInTheirNamesAreListedShownSavedRenamedAndDeleted() throws Exception {
		write("Shopping list.md", "# Shopping list\n\nmilk");
		write("\u6811\u8393\u6d3e.md", "# \u6811\u8393\u6d3e\n\nRaspberry Pi");
		write("Garten S\u00fcd/Beet #1 & Rosen.md", "# Beet\n\nroses");
		List<String> links = Jsoup.parse(get("/notes").body()).select(".note-row").eachAttr("href");
		assertThat(links).containsExactly("/notes/Garten%20S%C3%BCd/Beet%20%231%20&%20Rosen.md",
				"/notes/Shopping%20list.md", "/notes/%E6%A0%91%E8%8E%93%E6%B4%BE.md");
		assertThat(get(links.get(0)).body()).contains("roses");
		assertThat(get(links.get(1)).body()).contains("milk");
		assertThat(get(links.get(2)).body()).contains("Raspberry Pi");
		Document editor = Jsoup.parse(get(links.get(1) + "?edit").body());
		assertThat(editor.select("#note-form").attr("action")).contains("/notes/Shopping%20list.md");
		HttpResponse<String> saved = post(links.get(1) + "?action=save",
				Map.of("content", "# Shopping list\n\neggs", "version", editor.select("input[name=version]").val()));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(folder().resolve("Shopping list.md")).hasContent("# Shopping list\n\neggs");
		HttpResponse<String> moved = post(links.get(1) + "?action=rename",
				Map.of("folder", "Garten S\u00fcd", "name", "Einkauf f\u00fcr M\u00e4rz"));
		assertThat(moved.headers().firstValue("Location").orElseThrow())
			.endsWith("/notes/Garten%20S%C3%BCd/Einkauf%20f%C3%BCr%20M%C3%A4rz.md");
		assertThat(folder().resolve("Garten S\u00fcd/Einkauf f\u00fcr M\u00e4rz.md")).exists();
		assertThat(post(links.get(2) + "?action=delete", Map.of()).statusCode()).isEqualTo(302);
		assertThat(folder().resolve("\u6811\u8393\u6d3e.md")).doesNotExist();
		HttpResponse<String> created = post("/notes/new",
				Map.of("title", "\u65e5\u672c\u306e\u30ab\u30e1\u30e9", "folder", "", "content", "x"));
		assertThat(created.headers().firstValue("Location").orElseThrow())
			.endsWith("/notes/%E6%97%A5%E6%9C%AC%E3%81%AE%E3%82%AB%E3%83%A1%E3%83%A9.md");
	}

	@Test
	void namesThatCouldHideOrEscapeAreStillRefusedAndNotListed() throws Exception {
		write("a\u0007bell.md", "# Bell");
		write("colon:name.md", "# Colon");
		write(".versteckt \u00fc.md", "# Hidden");
		write(".door.md-123456.tmp", "# Temp");
		write("\u00e9t\u00e9/.cache/x.md", "# Cached");
		assertThat(Jsoup.parse(get("/notes").body()).select(".note-row")).isEmpty();
		assertThat(get("/notes/.versteckt%20%C3%BC.md").statusCode()).isEqualTo(400);
		assertThat(get("/notes/%C3%A9t%C3%A9/.cache/x.md").statusCode()).isEqualTo(400);
		assertThat(get("/notes/a%07bell.md").statusCode()).isEqualTo(400);
		assertThat(get("/notes/%C3%A9t%C3%A9/..%2F..%2Fsecret.md").statusCode()).isIn(400, 404);
		assertThat(
				post("/notes/new", Map.of("title", "x", "folder", "\u00e9t\u00e9/../..", "content", "")).statusCode())
			.isEqualTo(400);
		assertThat(post("/notes/new", Map.of("title", "x", "folder", "a\u202eb", "content", "")).statusCode())
			.isEqualTo(400);
	}

	@Test
	void namesAreComparedAfterUnicodeNormalisationAndFilesKeepTheirNameOnDisk() throws Exception {
		String folderNfd = "Garten Su\u0308d";
		String noteNfd = "Cafe\u0301.md";
		write(folderNfd + "/" + noteNfd, "# Caf\u00e9\n\nby hand on a Mac");
		write("\u00e9t\u00e9.md", "# Summer\n\nstored in NFC");
		List<String> links = Jsoup.parse(get("/notes").body()).select(".note-row").eachAttr("href");
		assertThat(links).containsExactly("/notes/Garten%20S%C3%BCd/Caf%C3%A9.md", "/notes/%C3%A9t%C3%A9.md");
		assertThat(get(links.get(0)).body()).contains("by hand on a Mac");
		assertThat(get("/notes/Garten%20Su%CC%88d/Cafe%CC%81.md").body()).contains("by hand on a Mac");
		assertThat(get("/notes/e%CC%81te%CC%81.md").body()).contains("stored in NFC");
		Document editor = Jsoup.parse(get(links.get(0) + "?edit").body());
		assertThat(post(links.get(0) + "?action=save",
				Map.of("content", "# Caf\u00e9\n\nsaved", "version", editor.select("input[name=version]").val()))
			.statusCode()).isEqualTo(302);
		HttpResponse<String> intoTheFolderOnDisk = post("/notes/new",
				Map.of("title", "Rosen", "folder", "Garten S\u00fcd", "content", "x"));
		assertThat(intoTheFolderOnDisk.statusCode()).isEqualTo(302);
		write("other.md", "# Other");
		HttpResponse<String> renamed = post("/notes/other.md?action=rename",
				Map.of("folder", "", "name", "e\u0301te\u0301"));
		assertThat(renamed.statusCode()).isEqualTo(302);
		assertThat(folder().resolve("other.md")).hasContent("# Other");
		write("\u30d5\u3099\u30ed\u30af\u3099.md", "# Blog, decomposed as macOS names it");
		HttpResponse<String> sameName = post("/notes/new",
				Map.of("title", "\u30d6\u30ed\u30b0", "folder", "", "content", "typed again"));
		assertThat(sameName.statusCode()).isEqualTo(409);
		try (var files = Files.list(folder())) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder(folderNfd,
					"\u00e9t\u00e9.md", "other.md", "\u30d5\u3099\u30ed\u30af\u3099.md");
		}
		try (var files = Files.list(folder().resolve(folderNfd))) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder(noteNfd,
					"rosen.md");
		}
		assertThat(folder().resolve(folderNfd + "/" + noteNfd)).hasContent("# Caf\u00e9\n\nsaved");
	}

	@Test
	void unicodeLookAlikesOfSeparatorsAndDotsAndInvisibleCharactersAreRefused() throws Exception {
		write("a\uff0fb.md", "# Fullwidth solidus");
		write("\uff0e\uff0e/x.md", "# Fullwidth dots");
		write("a\u200bb.md", "# Zero width space");
		write("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.md", "# Persian");
		List<String> links = Jsoup.parse(get("/notes").body()).select(".note-row").eachAttr("href");
		assertThat(links).containsExactly("/notes/%D9%85%DB%8C%E2%80%8C%D8%AE%D9%88%D8%A7%D9%87%D9%85.md");
		assertThat(get(links.get(0)).body()).contains("Persian");
		for (String attack : List.of("/notes/a%EF%BC%8Fb.md", "/notes/%EF%BC%8E%EF%BC%8E/x.md",
				"/notes/%EF%BC%8E%EF%BC%8E%EF%BC%8F%EF%BC%8E%EF%BC%8E%EF%BC%8Fsecret.md", "/notes/a%E2%80%8Bb.md",
				"/notes/%E2%80%AEdm.txt.md", "/notes/%EF%BC%BC..%EF%BC%BCsecret.md")) {
			HttpResponse<String> response = get(attack);
			assertThat(response.statusCode()).as(attack).isEqualTo(400);
			assertThat(response.body()).as(attack).doesNotContain("Exception");
		}
		for (String bad : List.of("\uff0e\uff0e", "a\uff0fb", "\u202etxt.md", "x\u200d")) {
			assertThat(post("/notes/new", Map.of("title", "x", "folder", bad, "content", "")).statusCode()).as(bad)
				.isEqualTo(400);
		}
		try (var files = Files.list(folder())) {
			assertThat(files).hasSize(4);
		}
	}

	@Test
	void aPictureWithASpaceAndAnUmlautEmbedsByItsShortForm() throws Exception {
		Path picture = TestFolders.PICTURES.resolve("Garten/Garten S\u00fcd.jpg");
		Files.createDirectories(picture.getParent());
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9 };
		Files.write(picture, jpeg);
		write("door.md",
				"# Door\n\n![a](picture:Garten/Garten%20S\u00fcd.jpg) ![b](picture:Garten/Garten%20S%C3%BCd.jpg)");
		List<String> sources = Jsoup.parse(get("/notes/door.md").body()).select(".note-body img").eachAttr("src");
		assertThat(sources).containsOnly("/pictures/image/Garten/Garten%20S%C3%BCd.jpg").hasSize(2);
		HttpResponse<byte[]> image = this.http.send(request(sources.get(0)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.body()).isEqualTo(jpeg);
	}

	private void write(String name, String content) throws IOException {
		Path file = folder().resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(request(path).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		String body = new LinkedHashMap<>(form).entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return this.http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("X-CSRF-TOKEN", this.csrfToken)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
