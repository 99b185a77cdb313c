package io.camdash.camera;

import java.util.concurrent.CopyOnWriteArrayList;

import io.camdash.camera.source.AudioPacket;
import io.camdash.camera.source.H264Packet;
import io.camdash.camera.source.H264Track;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumers attached to one camera, and the calls to them. The calls are made under
 * one lock so they never overlap, as {@link FrameConsumer} promises. Lock order: the
 * camera's lifecycle lock may be held when this one is taken, never the other way round
 * (so a consumer must not attach from within a call).
 */
final class FrameConsumers {

	private static final Logger log = LoggerFactory.getLogger(FrameConsumers.class);

	private final String cameraId;

	/** Copy on write: attached rarely, iterated for every frame. */
	private final CopyOnWriteArrayList<FrameConsumer> consumers = new CopyOnWriteArrayList<>();

	private final Object callLock = new Object();

	FrameConsumers(String cameraId) {
		this.cameraId = cameraId;
	}

	/** Adds the consumer; false if it was attached already. */
	boolean add(FrameConsumer consumer) {
		return this.consumers.addIfAbsent(consumer);
	}

	boolean remove(FrameConsumer consumer) {
		return this.consumers.remove(consumer);
	}

	boolean isEmpty() {
		return this.consumers.isEmpty();
	}

	/** The first stream status a consumer reports, or null. */
	@Nullable VideoStreamStatus streamStatus() {
		for (FrameConsumer consumer : this.consumers) {
			VideoStreamStatus status = consumer.streamStatus();
			if (status != null) {
				return status;
			}
		}
		return null;
	}

	/**
	 * The most any consumer reads while the source gives {@code track} (null: no
	 * packets).
	 */
	FrameConsumer.Reads reads(@Nullable H264Track track) {
		FrameConsumer.Reads most = FrameConsumer.Reads.PACKETS;
		for (FrameConsumer consumer : this.consumers) {
			FrameConsumer.Reads reads = consumer.reads(track);
			if (reads.compareTo(most) > 0) {
				most = reads;
			}
		}
		return most;
	}

	void frame(@Nullable Mat image, LatestFrame frame) {
		if (this.consumers.isEmpty()) {
			return;
		}
		synchronized (this.callLock) {
			for (FrameConsumer consumer : this.consumers) {
				if (image == null && consumer.reads(null) == FrameConsumer.Reads.IMAGE) {
					// Attached since the camera asked what its consumers read.
					continue;
				}
				try {
					consumer.frame(image, frame);
				}
				catch (RuntimeException ex) {
					failed(consumer, ex);
				}
			}
		}
	}

	void packet(H264Packet packet) {
		if (this.consumers.isEmpty()) {
			return;
		}
		synchronized (this.callLock) {
			for (FrameConsumer consumer : this.consumers) {
				try {
					consumer.packet(packet);
				}
				catch (RuntimeException ex) {
					failed(consumer, ex);
				}
			}
		}
	}

	void audio(AudioPacket packet) {
		if (this.consumers.isEmpty()) {
			return;
		}
		synchronized (this.callLock) {
			for (FrameConsumer consumer : this.consumers) {
				try {
					consumer.audio(packet);
				}
				catch (RuntimeException ex) {
					failed(consumer, ex);
				}
			}
		}
	}

	void stateChanged(CameraState state, @Nullable String problem) {
		if (this.consumers.isEmpty()) {
			return;
		}
		synchronized (this.callLock) {
			for (FrameConsumer consumer : this.consumers) {
				try {
					consumer.stateChanged(state, problem);
				}
				catch (RuntimeException ex) {
					failed(consumer, ex);
				}
			}
		}
	}

	void cameraClosing() {
		synchronized (this.callLock) {
			for (FrameConsumer consumer : this.consumers) {
				try {
					consumer.cameraClosing();
				}
				catch (RuntimeException ex) {
					failed(consumer, ex);
				}
			}
		}
	}

	/** One consumer's failure must never stop the capture or the other consumers. */
	private void failed(FrameConsumer consumer, RuntimeException ex) {
		log.warn("A consumer of camera '{}' failed: {}", this.cameraId, ex.toString());
		log.debug("Consumer {} failed", consumer, ex);
	}

}
