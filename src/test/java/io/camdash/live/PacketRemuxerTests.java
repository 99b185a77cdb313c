package io.camdash.live;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

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
		PacketRemuxer remuxer = new PacketRemuxer(RTSP, 10);
		assertThat(remuxer.init()).as("before the first keyframe").isNull();
		remuxer.remux(1, packet(RTSP, annexB(IDR), 0, 0, true));
		assertThat(remuxer.init().codec()).isEqualTo("avc1.4D401E");
		assertThat(contains(remuxer.init().bytes(), SPS)).isTrue();
		assertThat(contains(remuxer.init().bytes(), PPS)).isTrue();
	}

	@Test
	void packetsBeforeTheFirstKeyframeAreDroppedThenEachUnitIsKeptAsItCame() {
		PacketRemuxer remuxer = new PacketRemuxer(RTSP, 10);
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
		PacketRemuxer remuxer = new PacketRemuxer(file, 10);
		byte[] twoByteLengths = { 0, (byte) IDR.length, IDR[0], IDR[1], IDR[2], IDR[3] };
		Fragment fragment = remuxer.remux(1, packet(file, twoByteLengths, 0, 0, true));
		assertThat(remuxer.init().codec()).isEqualTo("avc1.4D401E");
		assertThat(sample(fragment.bytes())).isEqualTo(H264Units.toLengthPrefixed(List.of(IDR)));
	}

	@Test
	void bFramesKeepTheirPresentationTimeAsACompositionOffset() {
		PacketRemuxer remuxer = new PacketRemuxer(RTSP, 10);
		Fragment fragment = remuxer.remux(1, packet(RTSP, annexB(IDR), 7200, 0, true));
		// The composition offset is the trun's last field, the moof's last four bytes.
		int moofSize = ByteBuffer.wrap(fragment.bytes()).getInt(0);
		assertThat(ByteBuffer.wrap(fragment.bytes()).getInt(moofSize - 4)).isEqualTo(7200);
	}

	@Test
	void aTimestampGoingBackContinuesTheTimelineOneFrameLater() {
		PacketRemuxer remuxer = new PacketRemuxer(RTSP, 10);
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
		PacketRemuxer remuxer = new PacketRemuxer(bare, 10);
		assertThat(remuxer.init()).isNull();
		assertThat(remuxer.remux(1, packet(bare, annexB(SPS, PPS, IDR), 0, 0, true))).isNotNull();
		assertThat(remuxer.init().codec()).isEqualTo("avc1.4D401E");
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
