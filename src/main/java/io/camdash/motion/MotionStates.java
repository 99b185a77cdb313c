package io.camdash.motion;

/**
 * Which cameras are watched for motion and which have an event open now: what
 * integrations (MQTT for Home Assistant) need, without the motion package's insides.
 */
public interface MotionStates {

	/** Whether this camera has motion detection on. */
	boolean watches(String cameraId);

	/**
	 * Whether an event is open on this camera: from its first motion until the cool-down
	 * after the last.
	 */
	boolean inEvent(String cameraId);

}
