package io.camdash.motion;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What pages and the webhook are told of an event: small, and without anything secret.
 *
 * @param type "start", "end" or "clip"
 * @param id the event's id
 * @param camera the camera's id
 * @param cameraName the camera's display name
 * @param start when the motion started
 * @param end when it ended, or null
 * @param peak largest share of the frame moving at once, 0 to 1
 * @param boxes where it moved, in fractions of the frame
 * @param picture link to the motion picture's page, relative to camdash's address; null
 * until saved
 * @param clip link to the clip, relative to camdash's address; null until written
 * @param clipSeconds how long the clip plays
 */
record MotionNotice(String type, String id, String camera, String cameraName, Instant start, @Nullable Instant end,
		double peak, List<Detection.Box> boxes, @Nullable String picture, @Nullable String clip, double clipSeconds) {

	static MotionNotice of(String type, MotionEvent event) {
		return new MotionNotice(type, event.id(), event.camera(), event.cameraName(), event.start(), event.end(),
				event.peak(), event.boxes(), (event.picture() != null) ? "/pictures/view/" + event.picture() : null,
				(event.clip() != null) ? EventLinks.clip(event.id()) : null, event.clipSeconds());
	}

}
