package io.camdash.motion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A motion event, as saved next to its picture and clip and as sent to pages and the
 * webhook.
 *
 * @param id its name: {@code <camera>_<yyyyMMdd-HHmmss-SSS>-motion}, from its start; its
 * picture, clip and record share it
 * @param camera the camera's id
 * @param cameraName the camera's display name
 * @param start capture time of the first frame with motion
 * @param end capture time of the last frame with motion; null while it goes on
 * @param peak the largest share of the frame that moved at once, 0 to 1
 * @param boxes where it moved in the frame with the most motion, in fractions of the
 * frame
 * @param picture the motion picture, relative to the pictures folder; null until saved
 * @param clip the clip, relative to the pictures folder; null if there is none (yet)
 * @param clipSeconds how long the clip plays; 0 without one
 * @param clipStart capture time of the clip's first frame (its pre-roll), or null
 * @param endReason why it ended: "quiet" (no motion for the cool-down), "camera lost" or
 * "stopped"; null while it goes on
 */
record MotionEvent(String id, String camera, String cameraName, Instant start, @Nullable Instant end, double peak,
		List<Detection.Box> boxes, @Nullable String picture, @Nullable String clip, double clipSeconds,
		@Nullable Instant clipStart, @Nullable String endReason) {

	MotionEvent ended(Instant end, double peak, List<Detection.Box> boxes, String reason) {
		return new MotionEvent(this.id, this.camera, this.cameraName, this.start, end, peak, boxes, this.picture,
				this.clip, this.clipSeconds, this.clipStart, reason);
	}

	MotionEvent withPicture(String picture) {
		return new MotionEvent(this.id, this.camera, this.cameraName, this.start, this.end, this.peak, this.boxes,
				picture, this.clip, this.clipSeconds, this.clipStart, this.endReason);
	}

	MotionEvent withClip(String clip, double seconds, Instant start) {
		return new MotionEvent(this.id, this.camera, this.cameraName, this.start, this.end, this.peak, this.boxes,
				this.picture, clip, seconds, start, this.endReason);
	}

	/** How long the motion lasted; zero while it goes on. */
	Duration duration() {
		return (this.end != null) ? Duration.between(this.start, this.end) : Duration.ZERO;
	}

}
