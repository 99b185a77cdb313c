package io.camdash.camera;

import java.time.Duration;

/**
 * Every frame of a camera for a consumer outside this package that needs the camera to
 * capture all the time (motion detection), not only while someone watches. Asking for a
 * frame counts as demand, so the camera never idles while the consumer keeps asking.
 * <p>
 * A stop-gap with the smallest reach into {@link Camera}: it gives way to the camera's
 * frame-consumer interface once that exists.
 */
public final class FrameFeed {

	private final Camera camera;

	public FrameFeed(Camera camera) {
		this.camera = camera;
	}

	/**
	 * The newest frame after {@code sequence} (live or NO SIGNAL), starting the camera if
	 * needed and waiting up to {@code timeout}; null if none came.
	 */
	public LatestFrame next(long sequence, Duration timeout) throws InterruptedException {
		// A zero wait only marks demand and starts the camera.
		this.camera.awaitLiveFrame(Duration.ZERO);
		return this.camera.awaitNewer(sequence, timeout.toMillis(), () -> false);
	}

}
