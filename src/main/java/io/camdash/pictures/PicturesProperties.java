package io.camdash.pictures;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where pictures are kept and how the gallery shows them, under {@code camdash.pictures}.
 *
 * @param folder folder holding the pictures, one sub-folder per camera and day; created
 * if missing
 * @param thumbnailCache folder for generated thumbnails, kept outside {@code folder} so
 * they never show up as pictures; created if missing, safe to delete
 * @param thumbnailWidth largest thumbnail side in pixels
 * @param pageSize pictures per gallery page
 */
@ConfigurationProperties("camdash.pictures")
@Validated
public record PicturesProperties(@DefaultValue("./pictures") @NotNull Path folder,
		@DefaultValue("./.camdash/thumbnails") @NotNull Path thumbnailCache,
		@DefaultValue("320") @Min(32) @Max(1920) int thumbnailWidth,
		@DefaultValue("48") @Min(1) @Max(500) int pageSize) {

}
