package io.camdash.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizedNamesTests {

	@TempDir
	Path root;

	@Test
	void findsAFolderAndFileStoredInAnotherUnicodeForm() throws IOException {
		Path stored = Files.createDirectories(this.root.resolve("Garten Su\u0308d")).resolve("Cafe\u0301.md");
		Files.writeString(stored, "x");
		assertThat(NormalizedNames.locate(this.root, "Garten S\u00fcd/Caf\u00e9.md")).isEqualTo(stored);
		assertThat(NormalizedNames.locate(this.root, "Garten Su\u0308d/Cafe\u0301.md")).isEqualTo(stored);
	}

	@Test
	void aNameThatMatchesNothingGoesInsideTheFolderAsItIsOnDisk() throws IOException {
		Path folder = Files.createDirectories(this.root.resolve("e\u0301te\u0301"));
		assertThat(NormalizedNames.locate(this.root, "\u00e9t\u00e9/new/n\u00e9e.md"))
			.isEqualTo(folder.resolve("new").resolve("n\u00e9e.md"));
	}

	@Test
	void anExactNameWinsOverAnEquivalentOne() throws IOException {
		Files.writeString(this.root.resolve("Cafe\u0301.md"), "decomposed");
		Path composed = Files.writeString(this.root.resolve("Caf\u00e9.md"), "composed");
		assertThat(NormalizedNames.locate(this.root, "Caf\u00e9.md")).isEqualTo(composed);
	}

	@Test
	void hiddenFilesAreNeverMatched() throws IOException {
		Files.writeString(this.root.resolve(".e\u0301.md"), "hidden");
		assertThat(NormalizedNames.locate(this.root, "\u00e9.md")).isEqualTo(this.root.resolve("\u00e9.md"));
	}

}
