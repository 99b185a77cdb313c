package io.camdash.live;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * H.264 network abstraction layer units: finding them in an Annex B byte stream (start
 * codes) or an MP4 sample (length prefixes), and writing them length-prefixed as MP4
 * wants them.
 */
final class H264Units {

	static final int SPS = 7;

	static final int PPS = 8;

	static final int AUD = 9;

	static final int IDR = 5;

	private H264Units() {
	}

	/** The type of a unit: its first byte's five low bits. */
	static int type(byte[] unit) {
		return unit[0] & 0x1F;
	}

	/**
	 * The units of an Annex B stream (each after a 00 00 01 or 00 00 00 01 start code).
	 */
	static List<byte[]> fromAnnexB(byte[] data, int length) {
		List<byte[]> units = new ArrayList<>();
		int start = -1;
		int i = 0;
		while (i + 2 < length) {
			if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
				if (start >= 0) {
					units.add(copy(data, start, trimZeros(data, start, i)));
				}
				i += 3;
				start = i;
			}
			else {
				i++;
			}
		}
		if (start >= 0 && start < length) {
			units.add(copy(data, start, length));
		}
		return units;
	}

	/**
	 * The units of an MP4 sample, each after a big-endian length of {@code lengthSize}
	 * bytes (1 to 4, as its {@code avcC} record says).
	 */
	static List<byte[]> fromLengthPrefixed(byte[] data, int length, int lengthSize) {
		List<byte[]> units = new ArrayList<>();
		int i = 0;
		while (i + lengthSize <= length) {
			int size = 0;
			for (int b = 0; b < lengthSize; b++) {
				size = (size << 8) | (data[i + b] & 0xFF);
			}
			if (size <= 0 || i + lengthSize + size > length) {
				throw new IllegalArgumentException("broken H.264 sample: unit of " + size + " bytes at " + i);
			}
			units.add(copy(data, i + lengthSize, i + lengthSize + size));
			i += lengthSize + size;
		}
		return units;
	}

	/**
	 * Whether a decoder configuration is an {@code avcC} record (MP4) rather than
	 * parameter sets in Annex B form.
	 */
	static boolean isAvcC(byte[] extradata) {
		return extradata.length >= 7 && extradata[0] == 1;
	}

	/** The unit length size of an {@code avcC} record's samples, in bytes. */
	static int lengthSize(byte[] avcC) {
		return (avcC[4] & 0x03) + 1;
	}

	/** The parameter sets (SPS first, then PPS) of an {@code avcC} record. */
	static List<byte[]> fromAvcC(byte[] avcC) {
		List<byte[]> units = new ArrayList<>();
		int i = 5;
		for (int set = 0; set < 2 && i < avcC.length; set++) {
			int count = (set == 0) ? avcC[i] & 0x1F : avcC[i] & 0xFF;
			i++;
			for (int n = 0; n < count && i + 2 <= avcC.length; n++) {
				int size = ((avcC[i] & 0xFF) << 8) | (avcC[i + 1] & 0xFF);
				if (i + 2 + size > avcC.length) {
					throw new IllegalArgumentException("broken avcC record: set of " + size + " bytes at " + i);
				}
				units.add(copy(avcC, i + 2, i + 2 + size));
				i += 2 + size;
			}
		}
		return units;
	}

	/** Whether data starts with an Annex B start code (rather than a length). */
	static boolean isAnnexB(byte[] data, int length) {
		return length >= 4 && data[0] == 0 && data[1] == 0 && (data[2] == 1 || (data[2] == 0 && data[3] == 1));
	}

	/** Units as one MP4 sample: each with a 4-byte length before it. */
	static byte[] toLengthPrefixed(List<byte[]> units) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] unit : units) {
			out.write(unit.length >>> 24);
			out.write(unit.length >>> 16);
			out.write(unit.length >>> 8);
			out.write(unit.length);
			out.writeBytes(unit);
		}
		return out.toByteArray();
	}

	/** The MIME codec parameter of a stream with this sequence parameter set. */
	static String codec(byte[] sps) {
		return String.format("avc1.%02X%02X%02X", sps[1] & 0xFF, sps[2] & 0xFF, sps[3] & 0xFF);
	}

	private static int trimZeros(byte[] data, int start, int end) {
		// A four-byte start code leaves a zero behind the unit before it.
		while (end > start && data[end - 1] == 0) {
			end--;
		}
		return end;
	}

	private static byte[] copy(byte[] data, int from, int to) {
		byte[] unit = new byte[to - from];
		System.arraycopy(data, from, unit, 0, unit.length);
		return unit;
	}

}
