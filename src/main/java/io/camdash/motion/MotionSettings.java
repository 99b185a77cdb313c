package io.camdash.motion;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Motion detection for one camera, under {@code camdash.cameras[].motion}. Off unless
 * enabled; a camera with motion on captures all the time, not only while watched.
 *
 * @param enabled whether camdash watches this camera for motion
 * @param detectFps frames per second examined for motion (the rest are only kept for
 * clips); a few are enough and cost little
 * @param threshold sensitivity: the smallest change in brightness (0-255) of a pixel,
 * against the learned background, that counts as motion; lower is more sensitive
 * @param minArea smallest moving region that counts, in percent of the frame
 * @param minFrames minimum duration: examined frames in a row with motion before an event
 * starts, so a single flicker never fires
 * @param coolDown how long without motion ends an event; motion again within it belongs
 * to the same event
 * @param recalibrate share of the frame, in percent, that changing at once counts as a
 * change of light (a lamp, infrared mode, auto exposure) rather than motion: the
 * background is learned again instead of firing
 * @param preRoll how much video before the motion started a clip shows, kept in memory
 * @param postRoll how much video after the motion ended a clip shows
 * @param maxClip longest clip; a longer event keeps going, its clip stops here
 * @param clips whether to record a clip of each event (the motion picture is always kept)
 * @param mask zones where motion is ignored
 */
public record MotionSettings(@DefaultValue("false") boolean enabled, @DefaultValue("5") @Min(1) @Max(15) int detectFps,
		@DefaultValue("25") @Min(1) @Max(254) int threshold,
		@DefaultValue("0.5") @DecimalMin("0.01") @DecimalMax("100") double minArea,
		@DefaultValue("2") @Min(1) @Max(100) int minFrames,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 200) @DurationMax(minutes = 10) Duration coolDown,
		@DefaultValue("50") @DecimalMin("1") @DecimalMax("100") double recalibrate,
		@DefaultValue("3s") @NotNull @DurationMin(millis = 0) @DurationMax(seconds = 30) Duration preRoll,
		@DefaultValue("3s") @NotNull @DurationMin(millis = 0) @DurationMax(seconds = 60) Duration postRoll,
		@DefaultValue("2m") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 30) Duration maxClip,
		@DefaultValue("true") boolean clips, @DefaultValue @NotNull @Valid MotionMask mask) {

	/** Motion off: what a camera without a {@code motion} section gets. */
	static MotionSettings off() {
		return new MotionSettings(false, 5, 25, 0.5, 2, Duration.ofSeconds(5), 50, Duration.ofSeconds(3),
				Duration.ofSeconds(3), Duration.ofMinutes(2), true, MotionMask.NONE);
	}

}
