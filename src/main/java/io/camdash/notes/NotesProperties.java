package io.camdash.notes;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Markdown notes, under {@code camdash.notes}.
 *
 * @param folder the folder of {@code .md} notes (nested folders allowed); created when
 * missing
 * @param maxSize largest note that can be saved or previewed; a bigger one answers 413
 * @param tocMinHeadings a note with at least this many headings gets a table of contents
 * @param maxSearchResults most search results shown for one query
 */
@ConfigurationProperties("camdash.notes")
@Validated
public record NotesProperties(@DefaultValue("./notes") @NotNull Path folder,
		@DefaultValue("1MB") @NotNull DataSize maxSize, @DefaultValue("4") @Min(1) @Max(100) int tocMinHeadings,
		@DefaultValue("50") @Min(1) @Max(1000) int maxSearchResults) {

}
