package io.camdash.pictures;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on zip downloads of a selection, under {@code camdash.pictures.downloads}. Each
 * zip holds a thread while it is written (as long as its client takes to read it), on a
 * pool of its own, so downloads never take threads from live streams.
 *
 * @param maxConcurrent zips written at once over all users (the pool's size)
 * @param perUser zips one user may download at once (the name; not signed in counts as
 * one user)
 * @param perAddress zips one client address may download at once
 * @param threadKeepAlive how long an idle download thread waits for the next zip
 */
@ConfigurationProperties("camdash.pictures.downloads")
@Validated
public record DownloadProperties(@DefaultValue("16") @Min(1) @Max(1000) int maxConcurrent,
		@DefaultValue("2") @Min(1) @Max(1000) int perUser, @DefaultValue("4") @Min(1) @Max(1000) int perAddress,
		@DefaultValue("10s") @NotNull Duration threadKeepAlive) {

}
