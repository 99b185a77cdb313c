package io.camdash.motion;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A camera's motion detection now, for the status API, the live badge and health.
 *
 * @param camera the camera's id
 * @param enabled whether motion detection is on for it
 * @param active whether an event is open
 * @param motion whether the last examined frame had motion
 * @param boxes where, in fractions of the frame
 * @param eventId the open event's id, or null
 * @param eventStart when the open event started, or null
 * @param detectionMillis time spent on the last examined frame
 * @param lastExamined capture time of the last examined frame, or null before the first
 * @param preRollBytes memory held for the pre-roll
 */
record WatcherStatus(String camera, boolean enabled, boolean active, boolean motion, List<Detection.Box> boxes,
		@Nullable String eventId, @Nullable Instant eventStart, double detectionMillis, @Nullable Instant lastExamined,
		long preRollBytes) {

	static WatcherStatus off(String camera) {
		return new WatcherStatus(camera, false, false, false, List.of(), null, null, 0, null, 0);
	}

}
