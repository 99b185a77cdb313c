package io.camdash.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Incremental reader of one camdash MJPEG response, fed whatever bytes arrived. Only
 * status line and headers are looked at byte by byte; JPEG bodies are skipped by their
 * {@code Content-Length}, so hundreds of streams cost the client little more than the
 * socket reads.
 */
final class MjpegPartParser {

	private static final String BOUNDARY_LINE = "--camdashframe";

	private static final int MAX_LINE = 8192;

	private final Listener listener;

	private final byte[] line = new byte[MAX_LINE];

	private int lineLength;

	private State state = State.STATUS;

	private int contentLength = -1;

	private long timestampMicros = -1;

	private int bodyRemaining;

	MjpegPartParser(Listener listener) {
		this.listener = listener;
	}

	/** Consumes every remaining byte of {@code bytes}. */
	void feed(ByteBuffer bytes) throws IOException {
		while (bytes.hasRemaining()) {
			if (this.state == State.BODY) {
				int skip = Math.min(this.bodyRemaining, bytes.remaining());
				bytes.position(bytes.position() + skip);
				this.bodyRemaining -= skip;
				if (this.bodyRemaining == 0) {
					this.listener.partReceived(this.contentLength, this.timestampMicros, nowMicros());
					this.state = State.BODY_END;
				}
				continue;
			}
			byte b = bytes.get();
			if (b != '\n') {
				if (this.lineLength == MAX_LINE) {
					throw new IOException("line longer than " + MAX_LINE + " bytes in state " + this.state);
				}
				this.line[this.lineLength++] = b;
				continue;
			}
			int end = (this.lineLength > 0 && this.line[this.lineLength - 1] == '\r') ? this.lineLength - 1
					: this.lineLength;
			String text = new String(this.line, 0, end, StandardCharsets.US_ASCII);
			this.lineLength = 0;
			onLine(text);
		}
	}

	private void onLine(String text) throws IOException {
		switch (this.state) {
			case STATUS -> {
				if (!text.startsWith("HTTP/1.") || !text.contains(" 200")) {
					throw new IOException("unexpected response: " + text);
				}
				this.state = State.RESPONSE_HEADERS;
			}
			case RESPONSE_HEADERS -> {
				if (text.isEmpty()) {
					this.state = State.BOUNDARY;
				}
			}
			case BOUNDARY -> {
				if (!text.equals(BOUNDARY_LINE)) {
					throw new IOException("expected the boundary, got: " + text);
				}
				this.state = State.PART_HEADERS;
				this.contentLength = -1;
				this.timestampMicros = -1;
			}
			case PART_HEADERS -> partHeader(text);
			case BODY_END -> {
				if (!text.isEmpty()) {
					throw new IOException("part body longer than its Content-Length: " + text);
				}
				this.state = State.BOUNDARY;
			}
			default -> throw new IllegalStateException(this.state.name());
		}
	}

	private void partHeader(String text) throws IOException {
		if (!text.isEmpty()) {
			int colon = text.indexOf(':');
			if (colon <= 0) {
				throw new IOException("bad part header: " + text);
			}
			String name = text.substring(0, colon).trim();
			String value = text.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				this.contentLength = Integer.parseInt(value);
			}
			else if (name.equalsIgnoreCase("X-Timestamp")) {
				this.timestampMicros = parseTimestamp(value);
			}
			return;
		}
		if (this.contentLength < 0 || this.timestampMicros < 0) {
			throw new IOException("part without Content-Length or X-Timestamp");
		}
		this.listener.partStarted(this.timestampMicros, nowMicros());
		this.bodyRemaining = this.contentLength;
		this.state = State.BODY;
		if (this.bodyRemaining == 0) {
			this.listener.partReceived(0, this.timestampMicros, nowMicros());
			this.state = State.BODY_END;
		}
	}

	/** "seconds.micros" (six digits), as camdash and mjpg-streamer send it. */
	static long parseTimestamp(String value) throws IOException {
		int dot = value.indexOf('.');
		if (dot <= 0 || value.length() - dot - 1 != 6) {
			throw new IOException("bad X-Timestamp: " + value);
		}
		return Long.parseLong(value.substring(0, dot)) * 1_000_000L + Long.parseLong(value.substring(dot + 1));
	}

	/**
	 * Wall clock in microseconds: the server stamps frames with the same machine's clock.
	 */
	static long nowMicros() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
	}

	/** Told about each part as it arrives. */
	interface Listener {

		/** The part's headers are in: its body starts now. */
		void partStarted(long timestampMicros, long nowMicros);

		/** The part's body is complete. */
		void partReceived(int length, long timestampMicros, long nowMicros);

	}

	private enum State {

		STATUS, RESPONSE_HEADERS, BOUNDARY, PART_HEADERS, BODY, BODY_END

	}

}
