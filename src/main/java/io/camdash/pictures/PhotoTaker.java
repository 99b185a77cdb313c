package io.camdash.pictures;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraRegistry;
import io.camdash.camera.LatestFrame;
import io.camdash.camera.StreamingProperties;

import org.springframework.stereotype.Component;

/**
 * Takes a photo: saves a camera's newest good frame as a picture. Starts an idle camera
 * and waits up to {@code camdash.streaming.snapshot-timeout} for a good frame; never
 * saves a NO SIGNAL frame. Used by the live page, the API and MQTT.
 */
@Component
public class PhotoTaker {

	private final CameraRegistry cameras;

	private final PictureStore store;

	private final PictureIndex index;

	private final Duration timeout;

	PhotoTaker(CameraRegistry cameras, PictureStore store, PictureIndex index, StreamingProperties streaming) {
		this.cameras = cameras;
		this.store = store;
		this.index = index;
		this.timeout = streaming.snapshotTimeout();
	}

	/**
	 * Saves camera {@code id}'s newest good frame.
	 * @throws io.camdash.camera.UnknownCameraException (404) for an unknown camera
	 * @throws io.camdash.camera.NoSignalException (503) when no good frame came in time
	 */
	public Photo take(String id) throws IOException, InterruptedException {
		Camera camera = this.cameras.require(id);
		LatestFrame frame = camera.requireLiveFrame(this.timeout);
		Picture picture = this.store.save(camera.id(), frame.jpeg(), frame.capturedAt());
		this.index.invalidate();
		return new Photo(picture.name().value(), picture.camera(), picture.takenAt(), frame.width(), frame.height(),
				picture.size());
	}

	/**
	 * A photo just saved.
	 *
	 * @param name its picture's name, relative to the pictures folder
	 * @param camera the camera that took it
	 * @param takenAt when the frame was captured
	 * @param width width in pixels
	 * @param height height in pixels
	 * @param size file size in bytes
	 */
	public record Photo(String name, String camera, Instant takenAt, int width, int height, long size) {

		PictureName pictureName() {
			return PictureName.of(this.name);
		}

	}

}
