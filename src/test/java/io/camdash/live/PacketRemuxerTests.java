package io.camdash.live;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.camdash.camera.source.AudioPacket;
import io.camdash.camera.source.AudioTrack;
import io.camdash.camera.source.H264Packet;
import io.camdash.camera.source.H264Track;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacketRemuxerTests {

	private static final byte[] SPS = { 0x67, 0x4D, 0x40, 0x1E, 0x11, 0x22 };

	private static final byte[] PPS = { 0x68, (byte) 0xEE, 0x3C, (byte) 0x80 };

	private static final byte[] IDR = { 0x65, 0x01, 0x02, 0x03 };

	private static final byte[] SLICE = { 0x41, 0x04, 0x05 };

	/** RTSP and MPEG-TS: Annex B, a 90 kHz clock. */
	private static final H264Track RTSP = new H264Track(annexB(SPS, PPS), 640, 360, 1, 90_000, 25);

	@Test
	void theInitSegmentCarriesTheStreamsOwnParameterSetsAndCodec() {
		PacketRemuxer remuxer = new PacketRemuxer(RTSP, null, 10);
		assertThat(remuxer.init()).as("before the first keyframe").isNull();
		remuxer.remux(1, packet(RTSP, annexB(IDR), 0, 0, true));
		assertThat(remuxer.init().codec()).isEqualTo("avc1.4D401E");
		assertThat(contains(remuxer.init().bytes(), SPS)).isTrue();
		assertThat(contains(remuxer.init().bytes(), PPS)).isTrue();
	}

	@Test
	void packetsBeforeTheFirstKeyframeAreDroppedThenEachUnitIsKeptAsItCame() {
		PacketRemuxer remuxer = new PacketRemuxer(RTSP, null, 10);
		assertThat(remuxer.remux(1, packet(RTSP, annexB(SLICE), 0, 0, false))).isNull();
		Fragment key = remuxer.remux(1, packet(RTSP, annexB(IDR), 3600, 3600, true));
		assertThat(key.keyframe()).isTrue();
		assertThat(sample(key.bytes())).isEqualTo(H264Units.toLengthPrefixed(List.of(IDR)));
		Fragment next = remuxer.remux(2, packet(RTSP, annexB(SLICE), 7200, 7200, false));
		assertThat(next.keyframe()).isFalse();
		assertThat(decodeTime(next.bytes()) - decodeTime(key.bytes())).isEqualTo(3600);
	}

	@Test
	void anMp4FilesShortLengthsBecomeFourByteLengths() {
		byte[] avcC = { 1, 0x4D, 0x40, 0x1E, (byte) 0xFD, (byte) 0xE1, 0, (byte) SPS.length, SPS[0], SPS[1], SPS[2],
				SPS[3], SPS[4], SPS[5], 1, 0, (byte) PPS.length, PPS[0], PPS[1], PPS[2], PPS[3] };
		H264Track file = new H264Track(avcC, 640, 360, 1, 12_800, 25);
		PacketRemuxer remuxer = new PacketRemuxer(file, null, 10);
		byte[] twoByteLengths = { 0, (byte) IDR.length, IDR[0], IDR[1], IDR[2], IDR[3] };
		Fragment fragment = remuxer.remux(1, packet(file, twoByteLengths, 0, 0, true));
		assertThat(remuxer.init().codec()).isEqualTo("avc1.4D401E");
		assertThat(sample(fragment.bytes())).isEqualTo(H264Units.toLengthPrefixed(List.of(IDR)));
	}

	@Test
	void bFramesKeepTheirPresentationTimeAsACompositionOffset() {
		PacketRemuxer remuxer = new PacketRemuxer(RTSP, null, 10);
		Fragment fragment = remuxer.remux(1, packet(RTSP, annexB(IDR), 7200, 0, true));
		// The composition offset is the trun's last field, the moof's last four bytes.
		int moofSize = ByteBuffer.wrap(fragment.bytes()).getInt(0);
		assertThat(ByteBuffer.wrap(fragment.bytes()).getInt(moofSize - 4)).isEqualTo(7200);
	}

	@Test
	void aTimestampGoingBackContinuesTheTimelineOneFrameLater() {
		PacketRemuxer remuxer = new PacketRemuxer(RTSP, null, 10);
		long first = decodeTime(remuxer.remux(1, packet(RTSP, annexB(IDR), 900_000, 900_000, true)).bytes());
		long second = decodeTime(remuxer.remux(2, packet(RTSP, annexB(SLICE), 903_600, 903_600, false)).bytes());
		long looped = decodeTime(remuxer.remux(3, packet(RTSP, annexB(IDR), 0, 0, true)).bytes());
		assertThat(second - first).isEqualTo(3600);
		assertThat(looped - second).isEqualTo(3600);
	}

	@Test
	void profilesBrowsersDoNotPlayAreNotPassedThrough() {
		byte[] high10 = { 0x67, 0x6E, 0x00, 0x1E, 0x11 };
		assertThat(PlayableH264.inBrowsers(RTSP)).isTrue();
		assertThat(PlayableH264.inBrowsers(new H264Track(annexB(high10, PPS), 640, 360, 1, 90_000, 25))).isFalse();
		assertThat(PlayableH264.inBrowsers(new H264Track(new byte[0], 640, 360, 1, 90_000, 25)))
			.as("parameter sets only in the stream: decided by its first keyframe")
			.isTrue();
	}

	@Test
	void parameterSetsFoundOnlyInTheFirstKeyframeMakeTheInitSegment() {
		H264Track bare = new H264Track(new byte[0], 640, 360, 1, 90_000, 25);
		PacketRemuxer remuxer = new PacketRemuxer(bare, null, 10);
		assertThat(remuxer.init()).isNull();
		assertThat(remuxer.remux(1, packet(bare, annexB(SPS, PPS, IDR), 0, 0, true))).isNotNull();
		assertThat(remuxer.init().codec()).isEqualTo("avc1.4D401E");
	}

	@Test
	void aacBecomesASecondTrackBackToBackOnTheVideosTimeline() {
		// AAC LC, 48 kHz, mono; timed in samples.
		AudioTrack aac = new AudioTrack("aac", new byte[] { 0x11, (byte) 0x88 }, 48_000, 1, 1, 48_000);
		PacketRemuxer remuxer = new PacketRemuxer(RTSP, aac, 10);
		assertThat(remuxer.remuxAudio(1, audio(aac, 0))).as("before the video starts").isNull();
		// The video starts at the source's second 1: its media time zero.
		remuxer.remux(1, packet(RTSP, annexB(IDR), 90_000, 90_000, true));
		InitSegment init = remuxer.init();
		assertThat(init.codecs(true)).isEqualTo("avc1.4D401E,mp4a.40.2");
		assertThat(init.mimeType(false)).isEqualTo("video/mp4; codecs=\"avc1.4D401E\"");
		assertThat(boxes(init.bytes(true), "trak")).isEqualTo(2);
		assertThat(boxes(init.bytes(false), "trak")).isEqualTo(1);
		assertThat(contains(init.bytes(true), new byte[] { 0x05, 2, 0x11, (byte) 0x88 }))
			.as("the AudioSpecificConfig in the esds")
			.isTrue();
		// At the source's 1.1 s: 0.1 s into the stream.
		Fragment first = remuxer.remuxAudio(2, audio(aac, 48_000 + 4_800));
		assertThat(first.audio()).isTrue();
		assertThat(first.keyframe()).isFalse();
		assertThat(decodeTime(first.bytes())).isEqualTo(4_800);
		assertThat(sample(first.bytes())).containsExactly(1, 2, 3);
		// A little late by its timestamp: still right after the one before.
		Fragment second = remuxer.remuxAudio(3, audio(aac, 48_000 + 4_800 + 1_100));
		assertThat(decodeTime(second.bytes())).isEqualTo(4_800 + 1_024);
		// A second ahead: the source jumped, follow it.
		Fragment jumped = remuxer.remuxAudio(4, audio(aac, 48_000 + 4_800 + 48_000));
		assertThat(decodeTime(jumped.bytes())).isEqualTo(4_800 + 48_000);
	}

	@Test
	void otherAudioCodecsAreLeftOut() {
		AudioTrack mulaw = new AudioTrack("pcm_mulaw", new byte[0], 8_000, 1, 1, 8_000);
		PacketRemuxer remuxer = new PacketRemuxer(RTSP, mulaw, 10);
		remuxer.remux(1, packet(RTSP, annexB(IDR), 0, 0, true));
		assertThat(remuxer.init().audioCodec()).isNull();
		assertThat(remuxer.remuxAudio(2, audio(mulaw, 800))).isNull();
	}

	private static AudioPacket audio(AudioTrack track, long pts) {
		return new AudioPacket(track, new byte[] { 1, 2, 3 }, pts, 1_024, Instant.now());
	}

	private static int boxes(byte[] data, String type) {
		int found = 0;
		for (int i = 0; i + 4 <= data.length; i++) {
			if (new String(data, i, 4, StandardCharsets.US_ASCII).equals(type)) {
				found++;
			}
		}
		return found;
	}

	private static H264Packet packet(H264Track track, byte[] data, long pts, long dts, boolean keyframe) {
		return new H264Packet(track, data, pts, dts, keyframe, Instant.now());
	}

	private static byte[] annexB(byte[]... units) {
		ByteBuffer out = ByteBuffer.allocate(Arrays.stream(units).mapToInt((u) -> u.length + 4).sum());
		for (byte[] unit : units) {
			out.put(new byte[] { 0, 0, 0, 1 }).put(unit);
		}
		return out.array();
	}

	private static byte[] sample(byte[] fragment) {
		int moofSize = ByteBuffer.wrap(fragment).getInt(0);
		assertThat(new String(fragment, moofSize + 4, 4, StandardCharsets.US_ASCII)).isEqualTo("mdat");
		return Arrays.copyOfRange(fragment, moofSize + 8, fragment.length);
	}

	private static long decodeTime(byte[] fragment) {
		for (int i = 0; i + 16 < fragment.length; i++) {
			if (new String(fragment, i, 4, StandardCharsets.US_ASCII).equals("tfdt")) {
				return ByteBuffer.wrap(fragment).getLong(i + 8);
			}
		}
		throw new AssertionError("no tfdt box");
	}

	private static boolean contains(byte[] data, byte[] part) {
		for (int i = 0; i + part.length <= data.length; i++) {
			if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
				return true;
			}
		}
		return false;
	}

}
