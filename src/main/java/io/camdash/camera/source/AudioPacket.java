package io.camdash.camera.source;

import java.time.Instant;

/**
 * One audio packet as the source sent it (for AAC, one raw frame), copied out of FFmpeg's
 * packet.
 *
 * @param track the track it belongs to
 * @param data the packet's bytes
 * @param pts presentation time in the track's time base, or {@link H264Packet#NO_TIME}
 * @param duration how long it plays in the track's time base, or 0 when unknown
 * @param receivedAt when camdash read it
 */
public record AudioPacket(AudioTrack track, byte[] data, long pts, long duration, Instant receivedAt) {

}
