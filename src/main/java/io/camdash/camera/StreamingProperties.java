package io.camdash.camera;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How live streams are served, under {@code camdash.streaming}.
 *
 * @param maxViewers most MJPEG viewers served at once over all cameras; the next one gets 503
 * @param threadKeepAlive how long an idle streaming thread is kept for the next viewer
 * @param snapshotTimeout how long a still waits for a camera's first good frame before 503
 */
@ConfigurationProperties("camdash.streaming")
@Validated
public record StreamingProperties(@DefaultValue("200") @Min(1) @Max(5000) int maxViewers,
		@DefaultValue("10s") @NotNull @DurationMin(millis = 100) Duration threadKeepAlive,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 100) Duration snapshotTimeout) {

}
