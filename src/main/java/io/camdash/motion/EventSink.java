package io.camdash.motion;

/**
 * Where a motion watcher reports its events. Called on the watcher's (or a clip's)
 * thread: an implementation hands slow work (disk, network) to threads of its own and
 * returns at once.
 */
interface EventSink {

	/** An event started. */
	void started(MotionEvent event);

	/**
	 * An event ended.
	 * @param event the event, with its end, peak and boxes
	 * @param picture the frame with the most motion, as JPEG
	 */
	void ended(MotionEvent event, byte[] picture);

	/** The event's clip is written, or failed. */
	void clipDone(MotionEvent event, ClipRecorder.Result clip);

}
