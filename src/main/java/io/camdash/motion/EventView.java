package io.camdash.motion;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * One event as the events page shows it. Links are made from the event's id, never from
 * what its record says, so a record edited by hand cannot point elsewhere.
 *
 * @param id the event's id
 * @param camera the camera's id
 * @param cameraName the camera's display name
 * @param time when it started, local time
 * @param seconds how long the motion lasted
 * @param peakPercent the largest share of the frame that moved, in percent
 * @param picture the motion picture, relative to the pictures folder; null if none
 * @param clip the clip's URL; null if there is none
 * @param clipSeconds how long the clip plays
 */
record EventView(String id, String camera, String cameraName, String time, double seconds, double peakPercent,
		@Nullable String picture, @Nullable String clip, double clipSeconds) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	static EventView of(MotionEvent event, ZoneId zone, boolean hasClip) {
		String folder = event.camera() + "/" + event.start().atZone(zone).toLocalDate() + "/";
		return new EventView(event.id(), event.camera(), event.cameraName(),
				LocalTime.ofInstant(event.start(), zone).format(TIME), event.duration().toMillis() / 1000.0,
				Math.round(event.peak() * 1000) / 10.0, (event.picture() != null) ? folder + event.id() + ".jpg" : null,
				hasClip ? EventLinks.clip(event.id()) : null, event.clipSeconds());
	}

	/** The clip's length as m:ss. */
	public String clipLength() {
		long total = Math.round(this.clipSeconds);
		return (total / 60) + ":" + String.format("%02d", total % 60);
	}

}
