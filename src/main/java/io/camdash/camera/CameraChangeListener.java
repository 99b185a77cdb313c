package io.camdash.camera;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * Told by the {@link CameraRegistry} when a camera is added, changed or removed while
 * camdash runs (from the settings pages): each service that keeps something per camera
 * (live streams, motion watchers, health) follows without a restart. Called on the thread
 * that made the change, one change at a time, after the registry holds it.
 */
public interface CameraChangeListener {

	/**
	 * A camera was added at the end of the list. {@code settings} binds the whole new
	 * {@code camdash.cameras[]} list, for sections that other packages own (motion).
	 */
	default void cameraAdded(Camera camera, Binder settings) {
	}

	/**
	 * A camera's settings changed; it restarted with them (same {@link Camera} object,
	 * its viewers stay connected).
	 */
	default void cameraChanged(Camera camera, Binder settings) {
	}

	/** A camera was removed: its streams ended, it never runs again. */
	default void cameraRemoved(Camera camera) {
	}

}
