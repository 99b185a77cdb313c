package io.camdash.motion;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Turns one clip's items into an MP4 file, on the {@link ClipRecorder}'s thread: encoding
 * the camera's JPEGs ({@link JpegClipWriter}) or copying its own H.264 packets
 * ({@link PacketClipWriter}). One per clip; closed after use, whatever happened.
 */
interface ClipWriter extends AutoCloseable {

	/**
	 * The kind of item that goes into the clip; others only tell the recorder the time.
	 */
	Class<? extends ClipItem> items();

	/** Adds an item, in capture order; the first one creates the file. */
	void write(Path file, ClipItem item) throws Exception;

	/**
	 * Completes the file.
	 * @throws IllegalStateException when nothing was written
	 */
	Written finish() throws Exception;

	/** Releases what the writer holds, also after a failure. */
	@Override
	void close();

	/**
	 * What a completed clip holds.
	 *
	 * @param start capture time of its first item
	 * @param seconds how long it plays
	 * @param frames frames in it
	 */
	record Written(Instant start, double seconds, int frames) {
	}

}
