package io.camdash.camera;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How live streams are served, under {@code camdash.streaming}.
 *
 * @param maxViewers most MJPEG viewers served at once over all cameras; the next one gets 503
 * @param threadKeepAlive how long an idle streaming thread is kept for the next viewer
 * @param snapshotTimeout how long a still waits for a camera's first good frame before 503
 * @param socketSendBuffer kernel send buffer of each connection; small enough that a viewer on a slow
 * link is never more than about a second behind (frames it cannot take are skipped, not queued)
 */
@ConfigurationProperties("camdash.streaming")
@Validated
public record StreamingProperties(@DefaultValue("200") @Min(1) @Max(5000) int maxViewers,
		@DefaultValue("10s") @NotNull @DurationMin(millis = 100) Duration threadKeepAlive,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 100) Duration snapshotTimeout,
		@DefaultValue("16KB") @NotNull DataSize socketSendBuffer) {

	public StreamingProperties {
		if (socketSendBuffer.toBytes() < 4096 || socketSendBuffer.toBytes() > 16 * 1024 * 1024) {
			throw new IllegalArgumentException(
					"camdash.streaming.socket-send-buffer must be between 4KB and 16MB, was " + socketSendBuffer);
		}
	}

}
