package io.camdash.notes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, run by {@code ./mvnw -Pbench verify} rather than with the tests: it
 * prints, and asserts only what search finds. Search time over 5,000 generated notes of
 * about 2 KB each in 50 folders, including the folder walk that notices changed files.
 * The figure printed here is the one in docs/performance.md.
 */
@Tag("benchmark")
class NoteSearchPerformanceTests {

	private static final int NOTES = 5_000;

	private static final String[] WORDS = ("camera door garden night battery motion sensor light street car cat "
			+ "window roof fence gate porch wifi router power cable lens focus zoom infrared storage picture video "
			+ "frame stream record alarm schedule holiday neighbour delivery parcel rain snow wind fog sun")
		.split(" ");

	@TempDir
	Path folder;

	@Test
	void timesSearchesOverFiveThousandNotes() throws IOException {
		Random random = new Random(42);
		for (int i = 0; i < NOTES; i++) {
			Path file = this.folder.resolve("folder-" + (i % 50)).resolve("note-" + i + ".md");
			Files.createDirectories(file.getParent());
			StringBuilder text = new StringBuilder("# Note " + i + " about the " + word(random) + "\n\n");
			while (text.length() < 2_000) {
				text.append(word(random)).append((random.nextInt(12) == 0) ? ".\n\n" : " ");
			}
			Files.writeString(file, text);
		}
		NoteStore store = new NoteStore(new NotesProperties(this.folder, DataSize.ofMegabytes(1), 4, 50));
		NoteIndex index = new NoteIndex(store, new MarkdownRenderer());
		long coldStart = System.nanoTime();
		assertThat(index.refresh().notes()).hasSize(NOTES);
		long coldMillis = (System.nanoTime() - coldStart) / 1_000_000;
		List<String> queries = List.of("camera", "door night", "infrared lens focus", "parcel", "zzz-nothing", "cat",
				"battery power cable", "note 4999");
		for (int warmup = 0; warmup < 3; warmup++) {
			queries.forEach((query) -> index.search(query, 50));
		}
		long[] millis = new long[queries.size() * 5];
		int run = 0;
		for (int round = 0; round < 5; round++) {
			for (String query : queries) {
				long start = System.nanoTime();
				List<SearchHit> hits = index.search(query, 50);
				millis[run++] = (System.nanoTime() - start) / 1_000_000;
				if (query.equals("note 4999")) {
					assertThat(hits.get(0).path().value()).isEqualTo("folder-49/note-4999.md");
				}
			}
		}
		Arrays.sort(millis);
		long median = millis[millis.length / 2];
		long worst = millis[millis.length - 1];
		System.out.printf(
				"Notes search over %d notes: first index build %d ms; search (walk + mtime check + scan + "
						+ "rank + snippets) median %d ms, worst %d ms over %d searches%n",
				NOTES, coldMillis, median, worst, millis.length);
	}

	private static String word(Random random) {
		return WORDS[random.nextInt(WORDS.length)];
	}

}
