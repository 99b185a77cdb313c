package io.camdash.live;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import io.camdash.camera.source.AudioTrack;
import org.jspecify.annotations.Nullable;

/**
 * Writes an H.264 video track, and an AAC audio track where the camera sends one, as
 * fragmented MP4 (ISO BMFF), the format Media Source Extensions and
 * {@code ffmpeg -c copy} read: an initialisation segment ({@code ftyp} + {@code moov}
 * with the decoder configurations), then one {@code moof} + {@code mdat} per video frame
 * or audio packet, each carrying its own decode time so a viewer may start at any
 * keyframe.
 * <p>
 * About 310 lines: the boxes of one file format (two kinds of track), which read best
 * together.
 */
final class Fmp4Writer {

	/** Ticks per second of the track's timestamps. */
	static final int TIMESCALE = 90_000;

	/** The video's track. */
	static final int TRACK_ID = 1;

	/** The audio's track, where there is one. */
	static final int AUDIO_TRACK_ID = 2;

	private static final int KEYFRAME_FLAGS = 0x02000000;

	private static final int DEPENDENT_FLAGS = 0x01010000;

	private static final int[] UNITY_MATRIX = { 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000 };

	private Fmp4Writer() {
	}

	/**
	 * The initialisation segment of a video-only stream with these parameter sets and
	 * size.
	 */
	static byte[] initSegment(byte[] sps, byte[] pps, int width, int height) {
		return initSegment(sps, pps, width, height, null);
	}

	/**
	 * The initialisation segment of a stream with these parameter sets and size, and an
	 * AAC track when {@code audio} is not null.
	 */
	static byte[] initSegment(byte[] sps, byte[] pps, int width, int height, @Nullable AudioTrack audio) {
		Box ftyp = new Box("ftyp").ascii("iso5").u32(512).ascii("iso5").ascii("iso6").ascii("mp41");
		Box moov = new Box("moov").add(movieHeader((audio != null) ? AUDIO_TRACK_ID + 1 : TRACK_ID + 1))
			.add(track(sps, pps, width, height));
		Box extendsBox = new Box("mvex").add(trackExtends(TRACK_ID));
		if (audio != null) {
			moov.add(audioTrack(audio));
			extendsBox.add(trackExtends(AUDIO_TRACK_ID));
		}
		return concat(ftyp.bytes(), moov.add(extendsBox).bytes());
	}

	/**
	 * The MIME codec parameter of an AAC track, such as {@code mp4a.40.2} (AAC LC), from
	 * the object type its AudioSpecificConfig starts with.
	 */
	static String audioCodec(AudioTrack audio) {
		return "mp4a.40." + ((audio.config()[0] & 0xFF) >>> 3);
	}

	/**
	 * One frame (or audio packet) as a fragment.
	 * @param trackId {@link #TRACK_ID} or {@link #AUDIO_TRACK_ID}
	 * @param sequence the fragment's number, from 1 up
	 * @param decodeTime decode time in the track's ticks ({@link #TIMESCALE} for video,
	 * the sample rate for audio)
	 * @param duration how long the frame shows, in ticks
	 * @param compositionOffset presentation time minus decode time, in ticks (0 without
	 * B-frames)
	 * @param keyframe whether a decoder may start at this frame
	 * @param sample the frame's units, length-prefixed
	 */
	static byte[] fragment(int trackId, long sequence, long decodeTime, int duration, int compositionOffset,
			boolean keyframe, byte[] sample) {
		Box trun = new Box("trun").fullHeader(1, 0x000001 | 0x000100 | 0x000200 | 0x000400 | 0x000800)
			.u32(1)
			.u32(0) // data offset, set below once the moof's size is known
			.u32(duration)
			.u32(sample.length)
			.u32(keyframe ? KEYFRAME_FLAGS : DEPENDENT_FLAGS)
			.u32(compositionOffset);
		Box traf = new Box("traf").add(new Box("tfhd").fullHeader(0, 0x020000).u32(trackId))
			.add(new Box("tfdt").fullHeader(1, 0).u64(decodeTime))
			.add(trun);
		Box moof = new Box("moof").add(new Box("mfhd").fullHeader(0, 0).u32((int) sequence)).add(traf);
		byte[] moofBytes = moof.bytes();
		int dataOffset = moofBytes.length + 8;
		// trun is the last box of the moof: its data offset sits 20 bytes from the end.
		int at = moofBytes.length - 20;
		moofBytes[at] = (byte) (dataOffset >>> 24);
		moofBytes[at + 1] = (byte) (dataOffset >>> 16);
		moofBytes[at + 2] = (byte) (dataOffset >>> 8);
		moofBytes[at + 3] = (byte) dataOffset;
		byte[] mdatHeader = new Box("mdat").header(sample.length);
		return concat(moofBytes, mdatHeader, sample);
	}

	private static Box movieHeader(int nextTrackId) {
		Box mvhd = new Box("mvhd").fullHeader(0, 0)
			.u32(0)
			.u32(0)
			.u32(1000)
			.u32(0)
			.u32(0x00010000)
			.u16(0x0100)
			.zeros(10);
		for (int value : UNITY_MATRIX) {
			mvhd.u32(value);
		}
		return mvhd.zeros(24).u32(nextTrackId);
	}

	private static Box track(byte[] sps, byte[] pps, int width, int height) {
		Box tkhd = new Box("tkhd").fullHeader(0, 0x000003).u32(0).u32(0).u32(TRACK_ID).u32(0).u32(0).zeros(8);
		tkhd.u16(0).u16(0).u16(0).u16(0);
		for (int value : UNITY_MATRIX) {
			tkhd.u32(value);
		}
		tkhd.u32(width << 16).u32(height << 16);
		Box mdhd = new Box("mdhd").fullHeader(0, 0).u32(0).u32(0).u32(TIMESCALE).u32(0).u16(0x55C4).u16(0);
		Box hdlr = new Box("hdlr").fullHeader(0, 0).u32(0).ascii("vide").zeros(12).cstring("camdash video");
		Box vmhd = new Box("vmhd").fullHeader(0, 1).zeros(8);
		Box minf = new Box("minf").add(vmhd)
			.add(dataInformation())
			.add(sampleTable(sampleEntry(sps, pps, width, height)));
		return new Box("trak").add(tkhd).add(new Box("mdia").add(mdhd).add(hdlr).add(minf));
	}

	private static Box audioTrack(AudioTrack audio) {
		Box tkhd = new Box("tkhd").fullHeader(0, 0x000003).u32(0).u32(0).u32(AUDIO_TRACK_ID).u32(0).u32(0).zeros(8);
		// Layer 0, alternate group 1, full volume.
		tkhd.u16(0).u16(1).u16(0x0100).u16(0);
		for (int value : UNITY_MATRIX) {
			tkhd.u32(value);
		}
		tkhd.u32(0).u32(0);
		Box mdhd = new Box("mdhd").fullHeader(0, 0).u32(0).u32(0).u32(audio.sampleRate()).u32(0).u16(0x55C4).u16(0);
		Box hdlr = new Box("hdlr").fullHeader(0, 0).u32(0).ascii("soun").zeros(12).cstring("camdash audio");
		Box smhd = new Box("smhd").fullHeader(0, 0).u16(0).u16(0);
		Box minf = new Box("minf").add(smhd).add(dataInformation()).add(sampleTable(aacEntry(audio)));
		return new Box("trak").add(tkhd).add(new Box("mdia").add(mdhd).add(hdlr).add(minf));
	}

	/**
	 * An {@code mp4a} sample entry whose {@code esds} carries the AudioSpecificConfig.
	 */
	private static Box aacEntry(AudioTrack audio) {
		ByteArrayOutputStream decoderConfig = new ByteArrayOutputStream();
		// Audio of ISO/IEC 14496-3; stream type audio (5), reserved bit set.
		decoderConfig.write(0x40);
		decoderConfig.write(0x15);
		// Buffer size (3 bytes), maximum and average bit rate (4 each): not known.
		decoderConfig.writeBytes(new byte[11]);
		decoderConfig.writeBytes(descriptor(0x05, audio.config()));
		ByteArrayOutputStream elementaryStream = new ByteArrayOutputStream();
		// ES_ID 0 (the track's), no flags.
		elementaryStream.writeBytes(new byte[3]);
		elementaryStream.writeBytes(descriptor(0x04, decoderConfig.toByteArray()));
		// SL config: predefined for MP4.
		elementaryStream.writeBytes(descriptor(0x06, new byte[] { 0x02 }));
		Box esds = new Box("esds").fullHeader(0, 0).raw(descriptor(0x03, elementaryStream.toByteArray()));
		return new Box("mp4a").zeros(6)
			.u16(1)
			.zeros(8)
			.u16(Math.max(1, audio.channels()))
			.u16(16)
			.zeros(4)
			.u32((audio.sampleRate() < 65536) ? audio.sampleRate() << 16 : 0)
			.add(esds);
	}

	/** An MPEG-4 descriptor: tag, size (one byte, or four for long ones), body. */
	private static byte[] descriptor(int tag, byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(tag);
		if (body.length < 128) {
			out.write(body.length);
		}
		else {
			out.write(0x80 | (body.length >>> 21) & 0x7F);
			out.write(0x80 | (body.length >>> 14) & 0x7F);
			out.write(0x80 | (body.length >>> 7) & 0x7F);
			out.write(body.length & 0x7F);
		}
		out.writeBytes(body);
		return out.toByteArray();
	}

	private static Box dataInformation() {
		return new Box("dinf").add(new Box("dref").fullHeader(0, 0).u32(1).add(new Box("url ").fullHeader(0, 1)));
	}

	/** A sample table with one sample entry and no samples: they come in fragments. */
	private static Box sampleTable(Box entry) {
		return new Box("stbl").add(new Box("stsd").fullHeader(0, 0).u32(1).add(entry))
			.add(new Box("stts").fullHeader(0, 0).u32(0))
			.add(new Box("stsc").fullHeader(0, 0).u32(0))
			.add(new Box("stsz").fullHeader(0, 0).u32(0).u32(0))
			.add(new Box("stco").fullHeader(0, 0).u32(0));
	}

	private static Box sampleEntry(byte[] sps, byte[] pps, int width, int height) {
		Box avcC = new Box("avcC").u8(1).u8(sps[1]).u8(sps[2]).u8(sps[3]).u8(0xFF).u8(0xE1).u16(sps.length);
		avcC.raw(sps).u8(1).u16(pps.length).raw(pps);
		return new Box("avc1").zeros(6)
			.u16(1)
			.zeros(16)
			.u16(width)
			.u16(height)
			.u32(0x00480000)
			.u32(0x00480000)
			.u32(0)
			.u16(1)
			.zeros(32)
			.u16(0x0018)
			.u16(0xFFFF)
			.add(avcC);
	}

	private static Box trackExtends(int trackId) {
		return new Box("trex").fullHeader(0, 0).u32(trackId).u32(1).u32(0).u32(0).u32(0);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** An MP4 box being built: a type and a body of big-endian fields and child boxes. */
	private static final class Box {

		private final String type;

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		Box(String type) {
			this.type = type;
		}

		Box fullHeader(int version, int flags) {
			return u8(version).u8(flags >>> 16).u8(flags >>> 8).u8(flags);
		}

		Box u8(int value) {
			this.body.write(value);
			return this;
		}

		Box u16(int value) {
			return u8(value >>> 8).u8(value);
		}

		Box u32(int value) {
			return u16(value >>> 16).u16(value);
		}

		Box u64(long value) {
			return u32((int) (value >>> 32)).u32((int) value);
		}

		Box zeros(int count) {
			this.body.writeBytes(new byte[count]);
			return this;
		}

		Box ascii(String text) {
			this.body.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
			return this;
		}

		Box cstring(String text) {
			return ascii(text).u8(0);
		}

		Box raw(byte[] bytes) {
			this.body.writeBytes(bytes);
			return this;
		}

		Box add(Box child) {
			return raw(child.bytes());
		}

		/** The box's header for a body of this many bytes (for a body written apart). */
		byte[] header(int bodyLength) {
			int size = 8 + bodyLength;
			byte[] header = new byte[8];
			header[0] = (byte) (size >>> 24);
			header[1] = (byte) (size >>> 16);
			header[2] = (byte) (size >>> 8);
			header[3] = (byte) size;
			System.arraycopy(this.type.getBytes(StandardCharsets.US_ASCII), 0, header, 4, 4);
			return header;
		}

		byte[] bytes() {
			return concat(header(this.body.size()), this.body.toByteArray());
		}

	}

}
