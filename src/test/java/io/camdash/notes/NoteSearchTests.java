package io.camdash.notes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class NoteSearchTests {

	@TempDir
	Path folder;

	private NoteIndex index;

	@BeforeEach
	void createIndex() {
		NoteStore store = new NoteStore(new NotesProperties(this.folder, DataSize.ofMegabytes(1), 4, 50));
		this.index = new NoteIndex(store, new MarkdownRenderer());
	}

	@Test
	void ranksTitleMatchesAboveTextAndFrequentAboveRare() throws IOException {
		write("once.md", "# Garden\n\nThe battery is fine.");
		write("often.md", "# Shed\n\nBattery low. Battery swapped. Battery again.");
		write("titled.md", "# Battery care\n\nCharge it.");
		write("none.md", "# Door\n\nNothing here.");
		assertThat(this.index.search("battery", 10)).extracting((hit) -> hit.path().value())
			.containsExactly("titled.md", "often.md", "once.md");
	}

	@Test
	void needsEveryWordAndMatchesInsideWords() throws IOException {
		write("a.md", "# Cameras\n\nThe door camera at night.");
		write("b.md", "# Door\n\nA bell.");
		assertThat(this.index.search("door CAM", 10)).extracting((hit) -> hit.path().value()).containsExactly("a.md");
		assertThat(this.index.search("  ", 10)).isEmpty();
	}

	@Test
	void marksMatchesInTitleAndSnippet() throws IOException {
		write("a.md", "# Night mode\n\n" + "filler words here ".repeat(20) + "the a<b & c night vision starts at dusk. "
				+ "more filler ".repeat(30));
		SearchHit hit = this.index.search("night", 10).get(0);
		assertThat(hit.title()).containsExactly(new SearchHit.Part("Night", true), new SearchHit.Part(" mode", false));
		assertThat(hit.snippet()).filteredOn(SearchHit.Part::marked).extracting(SearchHit.Part::text).contains("night");
		String snippet = String.join("", hit.snippet().stream().map(SearchHit.Part::text).toList());
		assertThat(snippet).startsWith("… ").contains("a<b & c night vision").doesNotContain("\n");
		assertThat(snippet.length()).isLessThan(NoteSearch.SNIPPET_LENGTH + 10);
	}

	@Test
	void seesFilesAddedChangedAndDeletedByHand() throws IOException {
		write("a.md", "# Alpha\n\none");
		assertThat(this.index.search("alpha", 10)).hasSize(1);
		write("a.md", "# Beta\n\ntwo words now");
		assertThat(this.index.search("alpha", 10)).isEmpty();
		assertThat(this.index.search("beta", 10)).hasSize(1);
		Files.delete(this.folder.resolve("a.md"));
		assertThat(this.index.search("beta", 10)).isEmpty();
	}

	@Test
	void listsOnlyValidNoteNames() throws IOException {
		write("a.md", "# A");
		write("sub/b.md", "B text");
		write(".hidden.md", "# Hidden");
		write("notes.txt", "# Text");
		write(".a.md-123.tmp", "# Temp");
		NoteIndex.Contents contents = this.index.refresh();
		assertThat(contents.notes()).extracting(NoteIndex.IndexedNote::title).containsExactlyInAnyOrder("A", "b");
		assertThat(contents.folders()).extracting(NotePath::value).containsExactly("sub");
	}

	@Test
	void sortsTheTreeByNameOrDate() throws IOException {
		write("b.md", "# Zebra");
		write("a.md", "# Aardvark");
		write("sub/c.md", "# Middle");
		Files.setLastModifiedTime(this.folder.resolve("a.md"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
		Files.setLastModifiedTime(this.folder.resolve("sub/c.md"),
				java.nio.file.attribute.FileTime.fromMillis(2_000_000));
		Files.setLastModifiedTime(this.folder.resolve("b.md"), java.nio.file.attribute.FileTime.fromMillis(3_000_000));
		List<NoteTree.Row> byName = NoteTree.rows(this.index.refresh(), NoteTree.Sort.NAME);
		assertThat(byName).extracting(NoteTree.Row::label).containsExactly("sub", "Middle", "Aardvark", "Zebra");
		assertThat(byName).extracting(NoteTree.Row::depth).containsExactly(0, 1, 0, 0);
		List<NoteTree.Row> byDate = NoteTree.rows(this.index.refresh(), NoteTree.Sort.DATE);
		assertThat(byDate).extracting(NoteTree.Row::label).containsExactly("sub", "Middle", "Zebra", "Aardvark");
	}

	private void write(String name, String content) throws IOException {
		Path file = this.folder.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
