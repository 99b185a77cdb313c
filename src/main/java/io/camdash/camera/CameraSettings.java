package io.camdash.camera;

import java.time.Duration;

import io.camdash.camera.source.SourceSettings;
import io.camdash.camera.source.SourceSpec;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One camera, as configured under {@code camdash.cameras[]}.
 *
 * @param id short name used in URLs, metrics and file names
 * @param name name shown on pages and drawn on frames; defaults to the id
 * @param source where frames come from: test-pattern, device:0, file:/path/video.mp4,
 * folder:/path, rtsp://..., http(s)://..., snapshot:http(s)://... (a still-image URL
 * polled at fps) or picamera:0 (a Raspberry Pi camera module, through rpicam-vid)
 * @param width frame width in pixels; 0 keeps the source's own size (640 for the test
 * pattern)
 * @param height frame height in pixels; 0 keeps the source's own size (480 for the test
 * pattern)
 * @param fps frames per second captured (video files play at their own rate)
 * @param jpegQuality JPEG quality of streamed frames and pictures, 10 to 100
 * @param overlay whether to draw the camera name and clock on each frame
 * @param idleTimeout how long the camera keeps capturing after its last viewer leaves
 * @param stallTimeout how long without a new frame before the camera counts as lost (NO
 * SIGNAL)
 */
public record CameraSettings(@NotNull @Pattern(regexp = CameraId.PATTERN, message = CameraId.RULE) String id,
		String name, @DefaultValue("test-pattern") @NotNull SourceSpec source,
		@DefaultValue("0") @Min(0) @Max(7680) int width, @DefaultValue("0") @Min(0) @Max(4320) int height,
		@DefaultValue("15") @Min(1) @Max(120) int fps, @DefaultValue("80") @Min(10) @Max(100) int jpegQuality,
		@DefaultValue("true") boolean overlay,
		@DefaultValue("30s") @NotNull @DurationMin(millis = 100) Duration idleTimeout,
		@DefaultValue("2s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 10) Duration stallTimeout) {

	public CameraSettings {
		if (name == null || name.isBlank()) {
			name = id;
		}
	}

	/** What the camera asks of its frame source. */
	public SourceSettings sourceSettings() {
		return new SourceSettings(this.name, this.source, this.width, this.height, this.fps, this.jpegQuality,
				this.stallTimeout);
	}

	/** The camera used when none is configured. */
	static CameraSettings defaultTestPattern() {
		return new CameraSettings("cam", "Test pattern", SourceSpec.TEST_PATTERN, 0, 0, 15, 80, true,
				Duration.ofSeconds(30), Duration.ofSeconds(2));
	}

}
