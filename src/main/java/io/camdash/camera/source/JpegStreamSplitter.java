package io.camdash.camera.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Cuts a byte stream of JPEG images (what {@code rpicam-vid --codec mjpeg -o -} writes,
 * or the body of a multipart MJPEG answer) into single images. Anything between two
 * images (multipart headers and boundaries) is skipped. Each image is followed marker by
 * marker from its start (SOI) to its end (EOI), segment lengths included, so an EOI
 * inside a segment (the thumbnail in an EXIF block) does not end it early; an image
 * larger than the limit is refused rather than held in memory.
 */
final class JpegStreamSplitter {

	private static final int SOI = 0xD8;

	private static final int EOI = 0xD9;

	private static final int SOS = 0xDA;

	private final InputStream in;

	private final int maxBytes;

	private byte[] buffer;

	private int length;

	/**
	 * @param in the stream, read with small reads (buffer it)
	 * @param maxBytes the largest image accepted
	 */
	JpegStreamSplitter(InputStream in, int maxBytes) {
		this.in = in;
		this.maxBytes = maxBytes;
		this.buffer = new byte[Math.min(256 * 1024, maxBytes)];
	}

	/**
	 * The next complete image, or null when the stream ended between images.
	 * @throws EOFException when the stream ended inside an image
	 * @throws IOException when an image is malformed or too large, or reading failed
	 */
	byte @Nullable [] next() throws IOException {
		if (!skipToStart()) {
			return null;
		}
		this.length = 0;
		append(0xFF);
		append(SOI);
		int marker = readMarker();
		while (true) {
			append(0xFF);
			append(marker);
			if (marker == EOI) {
				return Arrays.copyOf(this.buffer, this.length);
			}
			if (isStandalone(marker)) {
				marker = readMarker();
				continue;
			}
			int high = readByte();
			int low = readByte();
			int segmentLength = (high << 8) | low;
			if (segmentLength < 2) {
				throw new IOException("malformed JPEG: a segment of length " + segmentLength);
			}
			append(high);
			append(low);
			for (int i = 2; i < segmentLength; i++) {
				append(readByte());
			}
			marker = (marker == SOS) ? copyEntropyCodedData() : readMarker();
		}
	}

	/** Skips to the bytes FF D8; false when the stream ended first. */
	private boolean skipToStart() throws IOException {
		int previous = -1;
		while (true) {
			int b = this.in.read();
			if (b < 0) {
				return false;
			}
			if (previous == 0xFF && b == SOI) {
				return true;
			}
			previous = b;
		}
	}

	/** The code of the next marker, skipping fill bytes (FF FF ...). */
	private int readMarker() throws IOException {
		int b = readByte();
		if (b != 0xFF) {
			throw new IOException("malformed JPEG: expected a marker, found byte " + b);
		}
		do {
			b = readByte();
		}
		while (b == 0xFF);
		return b;
	}

	/**
	 * Copies scan data up to the next marker that is neither a stuffed FF (FF 00) nor a
	 * restart marker, and returns that marker's code.
	 */
	private int copyEntropyCodedData() throws IOException {
		while (true) {
			int b = readByte();
			if (b != 0xFF) {
				append(b);
				continue;
			}
			int next = readByte();
			while (next == 0xFF) {
				next = readByte();
			}
			if (next != 0 && (next < 0xD0 || next > 0xD7)) {
				return next;
			}
			append(0xFF);
			append(next);
		}
	}

	private static boolean isStandalone(int marker) {
		return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
	}

	private int readByte() throws IOException {
		int b = this.in.read();
		if (b < 0) {
			throw new EOFException("the stream ended inside a JPEG image");
		}
		return b;
	}

	private void append(int b) throws IOException {
		if (this.length == this.buffer.length) {
			if (this.length >= this.maxBytes) {
				throw new IOException("a JPEG image larger than " + readable(this.maxBytes));
			}
			this.buffer = Arrays.copyOf(this.buffer, (int) Math.min(this.length * 2L, this.maxBytes));
		}
		this.buffer[this.length++] = (byte) b;
	}

	private static String readable(int bytes) {
		return (bytes >= 1024 * 1024) ? (bytes / (1024 * 1024)) + " MB" : bytes + " bytes";
	}

}
