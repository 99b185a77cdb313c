package io.camdash.live;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Live H.264 (the live pages' default view, and {@code stream.mp4}), under
 * {@code camdash.live}.
 *
 * @param keyframeInterval time from one keyframe to the next in camdash's own encoding: a
 * new viewer starts at the last keyframe, so a shorter interval means less to send first,
 * a longer one fewer bytes per second
 * @param bitsPerPixel bit rate of camdash's encoding, per pixel of each frame: 0.1 makes
 * about 2.8 Mbit/s at 1280x720 and 30 fps
 * @param maxDelay how long a frame may wait for a live page's connection: a viewer
 * further behind skips to the next keyframe, so it stays close to live
 * ({@code stream.mp4} readers, recorders mostly, skip only when their buffer is full)
 * @param viewerBuffer most bytes waiting for one viewer's connection; beyond it the
 * viewer skips to the next keyframe
 */
@ConfigurationProperties("camdash.live")
@Validated
public record LiveProperties(
		@DefaultValue("1s") @NotNull @DurationMin(millis = 200) @DurationMax(seconds = 10) Duration keyframeInterval,
		@DefaultValue("0.1") @Min(0) @Max(2) double bitsPerPixel,
		@DefaultValue("500ms") @NotNull @DurationMin(millis = 100) @DurationMax(seconds = 30) Duration maxDelay,
		@DefaultValue("2MB") @NotNull DataSize viewerBuffer) {

	public LiveProperties {
		if (bitsPerPixel <= 0) {
			throw new IllegalArgumentException("camdash.live.bits-per-pixel must be above 0, was " + bitsPerPixel);
		}
		if (viewerBuffer.toBytes() < 64 * 1024 || viewerBuffer.toBytes() > 64 * 1024 * 1024) {
			throw new IllegalArgumentException("camdash.live.viewer-buffer must be between 64KB and 64MB, was "
					+ viewerBuffer.toKilobytes() + "KB");
		}
	}

}
