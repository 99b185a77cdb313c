package io.camdash.camera;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the live page and the status API show about a camera.
 *
 * @param id camera id
 * @param name display name
 * @param source the source, credentials masked (for VIEWERs: scheme, host and path only)
 * @param state what it is doing
 * @param problem why it has no signal, or null
 * @param fps frames per second measured over the last second
 * @param width frame width
 * @param height frame height
 * @param viewers MJPEG viewers now
 * @param reducedViewers of those, the viewers getting reduced frames because their link
 * cannot carry full ones
 * @param frameAgeMillis age of the newest frame (or packet, for a camera passing H.264
 * through), or null when there is none
 * @param passThrough whether the newest frames are the source's own JPEGs, sent on
 * without a decode and a new encode
 * @param h264 the live H.264 stream: viewers, passthrough or encoded, bit rate; null
 * where there is none
 * @param audio the camera's audio: {@code AAC} (played with the live H.264), a sentence
 * such as {@code G.711 µ-law not played (video only)}, or null when it sends none (or is
 * not running)
 * @param publish the media servers the camera publishes to, and how that goes
 */
public record CameraStatus(String id, String name, String source, CameraState state, String problem, double fps,
		int width, int height, int viewers, int reducedViewers, Long frameAgeMillis, boolean passThrough,
		@Nullable VideoStreamStatus h264, @Nullable String audio, List<PublishStatus> publish) {

	/** The same status showing the source as given. */
	public CameraStatus withSource(String shownSource) {
		return new CameraStatus(this.id, this.name, shownSource, this.state, this.problem, this.fps, this.width,
				this.height, this.viewers, this.reducedViewers, this.frameAgeMillis, this.passThrough, this.h264,
				this.audio, this.publish);
	}

}
