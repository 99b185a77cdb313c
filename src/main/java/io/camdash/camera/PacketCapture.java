package io.camdash.camera;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.camdash.camera.source.AudioPacket;
import io.camdash.camera.source.FrameSource;
import io.camdash.camera.source.H264Packet;
import io.camdash.camera.source.H264Track;
import io.camdash.camera.source.PacketSource;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;

/**
 * The capture of a source whose video is H.264: each packet goes to the camera's
 * consumers as it came (live H.264 passes it through), and is decoded only while somebody
 * needs images (an MJPEG viewer, a still, motion detection). While nobody does, the
 * packets since the last keyframe are kept, so decoding resumes at once from that
 * keyframe rather than waiting for the next one. The source's AAC audio read on the way
 * goes to the consumers before the video packet. Runs on the capture thread.
 */
final class PacketCapture {

	/** Bounds the packets kept while not decoding: a source with very long GOPs waits. */
	private static final long MAX_KEPT_BYTES = 32L * 1024 * 1024;

	private final Camera camera;

	private final PacketSource source;

	private final List<H264Packet> sinceKeyframe = new ArrayList<>();

	private long keptBytes;

	private boolean decoding;

	private PacketCapture(Camera camera, PacketSource source) {
		this.camera = camera;
		this.source = source;
	}

	/** The packet capture of an opened source, or null if it gives no H.264 packets. */
	static @Nullable PacketCapture of(Camera camera, FrameSource source) {
		H264Track track = (source instanceof PacketSource packets) ? packets.h264Track() : null;
		camera.sourceOpened(track, (source instanceof PacketSource packets) ? packets.audioTrack() : null);
		return (track != null) ? new PacketCapture(camera, (PacketSource) source) : null;
	}

	/**
	 * Reads the next packet and hands it on; its image when somebody needs images and the
	 * packet completed one, else null.
	 */
	@Nullable Mat next() throws IOException {
		H264Packet packet = this.source.readPacket();
		for (AudioPacket audio : this.source.takeAudio()) {
			this.camera.publishAudio(audio);
		}
		boolean wanted = this.camera.wantsImages(packet.track());
		this.camera.publishPacket(packet, wanted);
		if (!wanted) {
			if (this.decoding) {
				this.source.stopDecoding();
				this.decoding = false;
			}
			keep(packet);
			return null;
		}
		if (this.decoding) {
			return decode(packet);
		}
		keep(packet);
		if (this.sinceKeyframe.isEmpty()) {
			// No keyframe seen yet: a decoder cannot start.
			return null;
		}
		this.decoding = true;
		Mat image = null;
		for (H264Packet kept : this.sinceKeyframe) {
			Mat decoded = decode(kept);
			image = (decoded != null) ? decoded : image;
		}
		this.sinceKeyframe.clear();
		this.keptBytes = 0;
		return image;
	}

	private @Nullable Mat decode(H264Packet packet) throws IOException {
		this.camera.metrics().packetsDecoded.increment();
		return this.source.decode(packet);
	}

	/** Keeps the packets from the last keyframe on, within a bound. */
	private void keep(H264Packet packet) {
		if (packet.keyframe()) {
			this.sinceKeyframe.clear();
			this.keptBytes = 0;
		}
		else if (this.sinceKeyframe.isEmpty()) {
			return;
		}
		this.keptBytes += packet.data().length;
		if (this.keptBytes > MAX_KEPT_BYTES) {
			this.sinceKeyframe.clear();
			this.keptBytes = 0;
			return;
		}
		this.sinceKeyframe.add(packet);
	}

}
