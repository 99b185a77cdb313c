package io.camdash.camera;

import io.camdash.camera.source.AudioPacket;
import io.camdash.camera.source.H264Packet;
import io.camdash.camera.source.H264Track;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;

/**
 * Something that takes a camera's frames as they are made: the MJPEG broadcaster, live
 * H.264, motion detection. It says what it {@link #reads}, so the camera decodes no more
 * than somebody uses. It plugs in with {@link Camera#attach} and out with
 * {@link Camera#detach}; while attached it counts as demand, so the camera captures (and
 * shows NO SIGNAL while its source is down) however long nobody else watches.
 * <p>
 * <b>Threads.</b> Every method is called on the camera's capture thread, or on the
 * watchdog thread for a NO SIGNAL card and for state changes it notices. Calls to the
 * consumers of one camera never overlap: one returns before the next starts, so a
 * consumer needs no lock for state that only these calls touch.
 * <p>
 * <b>Never block.</b> A call holds up the capture of the next frame for every consumer of
 * the camera: it must return in well under a frame interval and never wait (no I/O, no
 * lock another thread holds for long, no encoding of video). Work like that goes to a
 * thread of the consumer's own, fed with a copy of the image and dropping frames it
 * cannot keep up with. A call must not attach a consumer or wait for a frame of the
 * camera (detaching is fine). A consumer that throws is logged, and still called for the
 * next frame.
 */
public interface FrameConsumer {

	/**
	 * What a consumer reads, from the least work for the camera to the most. The camera
	 * decodes no more than its consumers (and viewers, and stills) read: the packets of a
	 * source whose video is H.264 are decoded only while someone reads frames, and a
	 * frame that came as JPEG only while someone reads its pixels.
	 */
	enum Reads {

		/** Only {@link #packet}s; frames it gets anyway are of no use to it. */
		PACKETS,

		/** Frames, through their JPEG ({@link LatestFrame#jpeg()}), never the image. */
		JPEG,

		/** Frames' decoded images. */
		IMAGE

	}

	/**
	 * What this consumer reads while the camera's source gives {@code track} (null when
	 * the source gives no H.264 packets). Asked for every frame, so it answers at once.
	 */
	default Reads reads(@Nullable H264Track track) {
		return Reads.IMAGE;
	}

	/**
	 * A new frame: a captured image, or a NO SIGNAL card ({@code frame.live()} false,
	 * about once a second while the source is down).
	 * @param image the decoded BGR image (CV_8UC3, overlay drawn) that {@code frame}
	 * holds as JPEG. It belongs to the camera and is reused for the next frame: read it
	 * during this call only, never change it, and copy it ({@code image.clone()} or
	 * {@code copyTo}) to keep it. Null when the frame is the source's own JPEG, passed
	 * through undecoded: such a frame never reaches a consumer that reads
	 * {@link Reads#IMAGE}
	 * @param frame the same frame as published to every viewer: JPEG, sequence, capture
	 * time, size, and whether it is live
	 */
	void frame(@Nullable Mat image, LatestFrame frame);

	/**
	 * A packet of the camera's H.264 video, as its source sent it, for a consumer that
	 * passes it on without decoding; called before the packet's image (if it is decoded)
	 * reaches {@link #frame}. Only sources whose video is H.264 give packets.
	 * @param packet the packet; its bytes are the consumer's to keep
	 */
	default void packet(H264Packet packet) {
	}

	/**
	 * A packet of the camera's AAC audio, as its source sent it, for a consumer that
	 * passes it on; only sources that give H.264 packets give audio packets, each before
	 * the video packet read after it.
	 * @param packet the packet; its bytes are the consumer's to keep
	 */
	default void audio(AudioPacket packet) {
	}

	/**
	 * The camera's state changed: {@link CameraState#STARTING} when its capture thread
	 * starts, {@link CameraState#LIVE} at its first good frame (also after NO SIGNAL),
	 * {@link CameraState#NO_SIGNAL} when no frame came within the stall timeout (the
	 * source failed or stalled; a failure followed by a frame in time is no change), and
	 * {@link CameraState#IDLE} when its capture thread ended.
	 * @param state the new state
	 * @param problem why there is no signal, or null
	 */
	default void stateChanged(CameraState state, @Nullable String problem) {
	}

	/**
	 * The camera is closing (camdash shuts down): end whatever streams this consumer
	 * serves now, since they would hold the shutdown. The consumer stays attached until
	 * it detaches.
	 */
	default void cameraClosing() {
	}

	/**
	 * What the status API shows about the stream this consumer serves, or null for
	 * nothing.
	 */
	default @Nullable VideoStreamStatus streamStatus() {
		return null;
	}

}
