package io.camdash.motion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.camdash.camera.source.H264Packet;
import io.camdash.camera.source.H264Track;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The H.264 pre-roll: whole GOPs, from a keyframe at or before the point asked for. */
class PacketRollTests {

	private static final Instant ZERO = Instant.parse("2026-11-29T12:00:00Z");

	/** Main profile, as an RTSP camera describes it (Annex B parameter sets). */
	private static final H264Track MAIN = new H264Track(
			new byte[] { 0, 0, 0, 1, 0x67, 0x4D, 0x00, 0x1F, 0, 0, 0, 1, 0x68, (byte) 0xEE, 0x3C, (byte) 0x80 }, 640,
			360, 1, 90_000, 10);

	@Test
	void aClipStartsAtTheLastKeyframeAtOrBeforeThePreRollPoint() {
		PacketRoll roll = new PacketRoll(Duration.ofSeconds(3), 1024 * 1024);
		// Ten seconds at 10 fps, a keyframe every second.
		for (int i = 0; i < 100; i++) {
			roll.add(packet(MAIN, i, i % 10 == 0, 100));
		}
		assertThat(roll.playable()).isTrue();
		// The window reaches back to 6.9 s: the GOP of 6 s is the oldest kept.
		assertThat(times(roll.since(ZERO))).first().isEqualTo(6000L);
		assertThat(times(roll.since(ZERO.plusMillis(8500)))).first().isEqualTo(8000L);
		assertThat(times(roll.since(ZERO.plusMillis(8000)))).first().isEqualTo(8000L);
		assertThat(times(roll.since(ZERO.plusMillis(8000)))).last().isEqualTo(9900L);
		assertThat(roll.bytes()).isEqualTo(40 * 100);
	}

	@Test
	void bytesBeyondTheBoundDropTheOldestGops() {
		PacketRoll roll = new PacketRoll(Duration.ofSeconds(30), 2500);
		for (int i = 0; i < 50; i++) {
			roll.add(packet(MAIN, i, i % 10 == 0, 100));
		}
		// Two GOPs of 1000 bytes fit, not three.
		assertThat(times(roll.since(ZERO))).first().isEqualTo(3000L);
		assertThat(roll.bytes()).isEqualTo(2000);
	}

	@Test
	void nothingIsKeptBeforeAKeyframeNorOfAProfileBrowsersDoNotPlay() {
		PacketRoll roll = new PacketRoll(Duration.ofSeconds(3), 1024 * 1024);
		roll.add(packet(MAIN, 0, false, 100));
		assertThat(roll.since(ZERO)).isEmpty();
		H264Track high10 = new H264Track(new byte[] { 0, 0, 0, 1, 0x67, 110, 0, 0x1F }, 640, 360, 1, 90_000, 10);
		roll.add(packet(high10, 1, true, 100));
		assertThat(roll.playable()).isFalse();
		assertThat(roll.since(ZERO)).isEmpty();
		assertThat(roll.bytes()).isZero();
	}

	private static H264Packet packet(H264Track track, int frame, boolean keyframe, int size) {
		return new H264Packet(track, new byte[size], frame * 9000L, frame * 9000L, keyframe,
				ZERO.plusMillis(frame * 100L));
	}

	private static List<Long> times(List<ClipPacket> packets) {
		return packets.stream().map((p) -> Duration.between(ZERO, p.capturedAt()).toMillis()).toList();
	}

}
