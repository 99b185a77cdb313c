package io.camdash.camera.source;

import java.io.IOException;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A producer of BGR images for one camera. Used by exactly one capture thread: JavaCV
 * grabbers are not thread-safe.
 */
public interface FrameSource extends AutoCloseable {

	/** Opens the source, or throws with a reason a person can act on. */
	void open() throws IOException;

	/**
	 * The next image. It belongs to the source, stays valid until the next call, and may
	 * be drawn on. Blocks while a live source waits for its next frame.
	 */
	Mat grab() throws IOException, InterruptedException;

	/**
	 * Nanoseconds between frames the capture loop should keep, or 0 when the source paces
	 * itself (a live camera delivers frames at its own rate).
	 */
	long frameIntervalNanos();

	@Override
	void close();

}
