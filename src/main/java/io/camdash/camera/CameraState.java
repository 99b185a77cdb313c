package io.camdash.camera;

/** What a camera is doing, as shown on pages and in health. */
public enum CameraState {

	/** Not capturing: nobody has asked for frames lately. */
	IDLE,

	/** Opening its source, no frame yet. */
	STARTING,

	/** Delivering frames. */
	LIVE,

	/**
	 * No frame within the stall timeout (its source failed or stalled); viewers see NO
	 * SIGNAL frames while it is reopened.
	 */
	NO_SIGNAL

}
