package io.camdash.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

	@ParameterizedTest
	@ValueSource(strings = { "Shopping list.md", "\u6811\u8393\u6d3e.md", "Garten S\u00fcd.jpg", "caf\u00e9",
			"\u0645\u0644\u0627\u062d\u0638\u0627\u062a.md", "a..b.md", "Plan (v2) & notes, #1.md", "x@320.jpg",
			"\ud83d\udcf7 camera.md", "\u4f1a\u8bae\uff1a\u5468\u4e00\uff1f.md",
			"\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.md",
			"\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67.md", "Cafe\u0301.md", "Wait\u2026 more.md" })
	void acceptsNamesPeopleUse(String segment) {
		assertThat(FileNames.isSafeSegment(segment)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "..", ".hidden.md", ".note.md-123.tmp", "a/b", "a\\b", "a\u0000b", "a\nb", "a\tb",
			" lead.md", "trail.md ", "trail.", "a\u202eb", "a\u200bb", "x%2e.md", "a;b", "C:", "a*b", "a?b", "a\"b",
			"a<b", "a>b", "a|b", "CON", "nul.md", "Com1.txt", "\ud800.md", "a\uff0fb.md", "a\uff3cb.md", "\uff0e\uff0e",
			"\uff0ehidden.md", "\u2025", "\u2024x.md", "a\u200db.md", "\u200c\u0645.md", "\u0645\u200c", "a\u2066b.md",
			"a\ufeffb.md", "a\u00adb.md", "a\u200eb.md" })
	void refusesNamesThatCouldEscapeHideOrBreak(String segment) {
		assertThat(FileNames.isSafeSegment(segment)).isFalse();
	}

	@Test
	void refusesNamesLongerThanTheFileSystemAllows() {
		assertThat(FileNames.isSafeSegment("a".repeat(200))).isTrue();
		assertThat(FileNames.isSafeSegment("a".repeat(201))).isFalse();
		assertThat(FileNames.isSafeSegment("\u00e9".repeat(100))).isTrue();
		assertThat(FileNames.isSafeSegment("\u00e9".repeat(101))).isFalse();
	}

	@Test
	void encodesEachSegmentAndKeepsTheSlashes() {
		assertThat(FileNames.encodePath("Garten/Garten S\u00fcd #1.jpg"))
			.isEqualTo("Garten/Garten%20S%C3%BCd%20%231.jpg");
		assertThat(FileNames.encodePath("{x}/a+b.md")).isEqualTo("%7Bx%7D/a+b.md");
	}

}
