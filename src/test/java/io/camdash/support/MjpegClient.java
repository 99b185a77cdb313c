package io.camdash.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A plain-socket HTTP/1.1 client that reads a multipart/x-mixed-replace stream part by
 * part, strictly: it fails on a missing boundary, a bad header or a Content-Length that
 * does not match the body.
 */
public final class MjpegClient implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final int status;

	private final Map<String, String> headers;

	private final ThrottledInputStream throttle;

	private byte[] boundary;

	private MjpegClient(Socket socket, InputStream in, ThrottledInputStream throttle, int status,
			Map<String, String> headers) {
		this.socket = socket;
		this.in = in;
		this.throttle = throttle;
		this.status = status;
		this.headers = headers;
	}

	/** Opens {@code path} on localhost and reads the response status line and headers. */
	public static MjpegClient open(int port, String path) throws IOException {
		return open(port, path, Map.of());
	}

	public static MjpegClient open(int port, String path, Map<String, String> requestHeaders) throws IOException {
		return open(port, path, requestHeaders, 0);
	}

	/**
	 * Opens a viewer on a slow link: it reads at most {@code bytesPerSecond}, with a
	 * small receive window so that, as on a real slow link, data waits on the server's
	 * side rather than in this client.
	 */
	public static MjpegClient openSlow(int port, String path, int bytesPerSecond) throws IOException {
		return open(port, path, Map.of(), bytesPerSecond);
	}

	/**
	 * {@link #openSlow(int, String, int)} with extra request headers, such as
	 * {@link TestUsers#basicAuth}.
	 */
	public static MjpegClient openSlow(int port, String path, int bytesPerSecond, Map<String, String> requestHeaders)
			throws IOException {
		return open(port, path, requestHeaders, bytesPerSecond);
	}

	/** Opens {@code path} as an HTTP/1.0 client (as some older tools still are). */
	public static MjpegClient openHttp10(int port, String path, Map<String, String> requestHeaders) throws IOException {
		return open(port, path, requestHeaders, 0, "HTTP/1.0");
	}

	private static MjpegClient open(int port, String path, Map<String, String> requestHeaders, int bytesPerSecond)
			throws IOException {
		return open(port, path, requestHeaders, bytesPerSecond, "HTTP/1.1");
	}

	private static MjpegClient open(int port, String path, Map<String, String> requestHeaders, int bytesPerSecond,
			String version) throws IOException {
		Socket socket = new Socket();
		if (bytesPerSecond > 0) {
			socket.setReceiveBufferSize(4096);
		}
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		socket.setSoTimeout(10_000);
		StringBuilder request = new StringBuilder("GET " + path + " " + version + "\r\nHost: localhost:" + port
				+ "\r\nAccept: image/jpeg,multipart/x-mixed-replace,*/*\r\n");
		requestHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("\r\n");
		OutputStream out = socket.getOutputStream();
		out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
		out.flush();
		InputStream raw = socket.getInputStream();
		ThrottledInputStream throttle = (bytesPerSecond > 0) ? new ThrottledInputStream(raw, bytesPerSecond) : null;
		InputStream in = (throttle != null) ? new BufferedInputStream(throttle, 1024)
				: new BufferedInputStream(raw, 64 * 1024);
		String statusLine = readLine(in);
		String[] words = statusLine.split(" ");
		if (words.length < 2 || !words[0].startsWith("HTTP/1.")) {
			throw new IOException("not an HTTP response: " + statusLine);
		}
		Map<String, String> headers = readHeaders(in);
		return new MjpegClient(socket, in, throttle, Integer.parseInt(words[1]), headers);
	}

	/**
	 * Changes the read rate of a viewer opened with {@link #openSlow}: its link got
	 * faster or slower; 0 reads as fast as the connection goes.
	 */
	public void readRate(int bytesPerSecond) {
		if (this.throttle == null) {
			throw new IllegalStateException("only a viewer opened with openSlow reads at a rate");
		}
		this.throttle.rate(bytesPerSecond);
	}

	public int status() {
		return this.status;
	}

	/** A response header by case-insensitive name, or null. */
	public String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * Up to {@code max} bytes of the body, as text: for error responses. The body ends
	 * where its Content-Length or last chunk says, or when the server closes a kept-alive
	 * connection.
	 */
	public String bodyText(int max) throws IOException {
		String length = header("Content-Length");
		if (length != null) {
			return new String(this.in.readNBytes((int) Math.min(max, Long.parseLong(length))), StandardCharsets.UTF_8);
		}
		if ("chunked".equalsIgnoreCase(header("Transfer-Encoding"))) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			int size;
			while (body.size() < max && (size = Integer.parseInt(readLine(this.in).split(";")[0].strip(), 16)) > 0) {
				body.write(this.in.readNBytes(size));
				readLine(this.in);
			}
			return body.toString(StandardCharsets.UTF_8);
		}
		return new String(this.in.readNBytes(max), StandardCharsets.UTF_8);
	}

	/** Reads the next part; its headers are checked against its body. */
	public Part nextPart() throws IOException {
		if (this.boundary == null) {
			String contentType = header("Content-Type");
			if (contentType == null || !contentType.startsWith("multipart/x-mixed-replace")) {
				throw new IOException("not a multipart stream: " + contentType);
			}
			String marker = contentType.replaceFirst(".*boundary=\"?([^\";]+)\"?.*", "$1");
			this.boundary = ("--" + marker).getBytes(StandardCharsets.US_ASCII);
			String first = readLine(this.in);
			if (!first.equals("--" + marker)) {
				throw new IOException("stream does not start with its boundary: " + first);
			}
		}
		Map<String, String> partHeaders = readHeaders(this.in);
		long headersEpochMillis = System.currentTimeMillis();
		String length = partHeaders.get("content-length");
		if (length == null) {
			throw new IOException("part without Content-Length: " + partHeaders);
		}
		byte[] body = this.in.readNBytes(Integer.parseInt(length.trim()));
		if (body.length != Integer.parseInt(length.trim())) {
			throw new EOFException("stream ended inside a part");
		}
		String end = readLine(this.in);
		if (!end.isEmpty()) {
			throw new IOException("part body longer than its Content-Length; found: " + end);
		}
		String next = readLine(this.in);
		if (!next.equals(new String(this.boundary, StandardCharsets.US_ASCII))) {
			throw new IOException("part not followed by the boundary: " + next);
		}
		return new Part(partHeaders, body, headersEpochMillis, System.nanoTime(), System.currentTimeMillis());
	}

	private static Map<String, String> readHeaders(InputStream in) throws IOException {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new IOException("bad header line: " + line);
			}
			headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
		}
		return headers;
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(64);
		int c;
		while ((c = in.read()) != '\n') {
			if (c < 0) {
				throw new EOFException("stream ended");
			}
			line.write(c);
			if (line.size() > 8192) {
				throw new IOException("header line too long");
			}
		}
		String text = line.toString(StandardCharsets.US_ASCII);
		return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
	}

	/**
	 * Resets the connection (RST, no FIN handshake): the abrupt way a browser tab dies.
	 */
	public void abort() throws IOException {
		this.socket.setSoLinger(true, 0);
		this.socket.close();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/** One part of the stream. */
	public record Part(Map<String, String> headers, byte[] body, long headersEpochMillis, long receivedNanos,
			long receivedEpochMillis) {

		/**
		 * Milliseconds from capture to the arrival of this part's headers: the start of
		 * its delivery.
		 */
		public long latencyMillis() {
			return this.headersEpochMillis - timestampMicros() / 1000;
		}

		/** X-Timestamp as epoch microseconds. */
		public long timestampMicros() {
			String[] parts = this.headers.get("x-timestamp").split("\\.");
			return Long.parseLong(parts[0]) * 1_000_000L + Long.parseLong(parts[1]);
		}

		public boolean isCompleteJpeg() {
			int n = this.body.length;
			return n > 4 && (this.body[0] & 0xff) == 0xff && (this.body[1] & 0xff) == 0xd8
					&& (this.body[n - 2] & 0xff) == 0xff && (this.body[n - 1] & 0xff) == 0xd9;
		}

	}

}
