package io.camdash.motion;

import java.time.Instant;

import io.camdash.camera.source.H264Packet;

/**
 * One of the camera's own H.264 packets kept for a clip, as the source sent it (shared
 * with the camera's other consumers, never written to).
 *
 * @param packet the packet
 */
record ClipPacket(H264Packet packet) implements ClipItem {

	@Override
	public Instant capturedAt() {
		return this.packet.receivedAt();
	}

	@Override
	public int size() {
		return this.packet.data().length;
	}

}
