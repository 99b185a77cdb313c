package io.camdash.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 exactly as written, over a plain socket: for requests no well-behaved client
 * sends (malformed URLs, huge headers, a body announced but never sent), and to read what
 * the server answers before a request is complete.
 */
public final class RawHttp implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private final InputStream in;

	private RawHttp(Socket socket) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		this.in = socket.getInputStream();
	}

	/** Connects to the server on loopback, optionally from another loopback address. */
	public static RawHttp connect(int port, String fromAddress) throws IOException {
		Socket socket = new Socket();
		if (fromAddress != null) {
			socket.bind(new InetSocketAddress(fromAddress, 0));
		}
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		return new RawHttp(socket);
	}

	public static RawHttp connect(int port) throws IOException {
		return connect(port, null);
	}

	/** Sends text as it is (CRLFs included by the caller). */
	public RawHttp send(String text) throws IOException {
		return send(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	public RawHttp send(byte[] bytes) throws IOException {
		this.out.write(bytes);
		this.out.flush();
		return this;
	}

	/**
	 * Reads one response within a time limit: its status, headers and (up to 64 KB of)
	 * body. Fails with {@link SocketTimeoutException} if no complete head arrives in
	 * time.
	 */
	public Response read(Duration timeout) throws IOException {
		Response head = readHead(timeout);
		return new Response(head.status(), head.headers(), readBody(head.headers()));
	}

	/**
	 * Reads only a response's status and headers, leaving its body unread (a client that
	 * never reads).
	 */
	public Response readHead(Duration timeout) throws IOException {
		this.socket.setSoTimeout((int) timeout.toMillis());
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = this.in.read();
			if (b < 0) {
				throw new IOException("connection closed after " + head.size() + " bytes: " + head);
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r') ? 1 : 0;
		}
		String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
			}
		}
		return new Response(status, headers, "");
	}

	private String readBody(Map<String, String> headers) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String length = headers.get("content-length");
		int limit = (length != null) ? Integer.parseInt(length) : 65536;
		boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
		byte[] buffer = new byte[8192];
		try {
			while (body.size() < limit) {
				int n = this.in.read(buffer, 0, Math.min(buffer.length, limit - body.size()));
				if (n < 0) {
					break;
				}
				body.write(buffer, 0, n);
				if (chunked && body.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
					break;
				}
			}
		}
		catch (SocketTimeoutException ex) {
			// A body without a length on a kept-alive connection: what came is enough.
		}
		return body.toString(StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/** What the server answered. */
	public record Response(int status, Map<String, String> headers, String body) {

		/** A header by name, ignoring case; null when absent. */
		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
