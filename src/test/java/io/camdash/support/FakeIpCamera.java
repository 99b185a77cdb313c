package io.camdash.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * A cheap IP camera on a random loopback port, as the JDK's HTTP server: what such
 * cameras answer, good and bad.
 * <ul>
 * <li>{@code /snapshot.jpg}, {@code /snapshot.png}: one 160x120 blue image per request
 * <li>{@code /one-frame.mjpg}: an MJPEG stream that ends after its first frame
 * <li>{@code /stream.mjpg}: an MJPEG stream of the JPEG, 20 frames a second, until the
 * client leaves
 * <li>{@code /locked.jpg}: the JPEG for Basic {@code admin:s3cret} only, else 401
 * <li>{@code /digest.jpg}: the JPEG for Digest (MD5) {@code admin:s3cret} only, else 401
 * <li>{@code /page.html}: an HTML page, not an image
 * <li>{@code /slow.jpg}: the JPEG after 3 seconds
 * <li>{@code /endless.jpg}: an image/jpeg answer that never ends
 * </ul>
 * It can be stopped and started again on the same port, as a camera that loses power.
 */
public final class FakeIpCamera implements AutoCloseable {

	public static final String USER = "admin";

	public static final String PASSWORD = "s3cret";

	private static final String NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093";

	private static final Pattern DIGEST_FIELD = Pattern.compile("(\\w+)=(\"([^\"]*)\"|[^,\\s]*)");

	private static final byte[] BOUNDARY = "--frame\r\n".getBytes(StandardCharsets.US_ASCII);

	private final byte[] jpeg = encode(".jpg");

	private final byte[] png = encode(".png");

	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final int port;

	private HttpServer server;

	public FakeIpCamera() throws IOException {
		this.server = start(0);
		this.port = this.server.getAddress().getPort();
	}

	/** The URL of a path, e.g. {@code http://127.0.0.1:PORT/snapshot.jpg}. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** The URL of a path with user and password. */
	public String url(String userInfo, String path) {
		return url(path).replace("//", "//" + userInfo + "@");
	}

	/** The JPEG its snapshots and streams send, byte for byte. */
	public byte[] jpeg() {
		return this.jpeg.clone();
	}

	/** How many requests a path got. */
	public int requests(String path) {
		AtomicInteger count = this.requests.get(path);
		return (count != null) ? count.get() : 0;
	}

	/** Powers off: connections are refused from now on. */
	public synchronized void powerOff() {
		this.server.stop(0);
	}

	/** Powers on again, on the same port. */
	public synchronized void powerOn() throws IOException {
		this.server = start(this.port);
	}

	@Override
	public synchronized void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	private HttpServer start(int port) throws IOException {
		HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
		created.createContext("/", this::answer);
		created.setExecutor(this.threads);
		created.start();
		return created;
	}

	private void answer(HttpExchange exchange) {
		String path = exchange.getRequestURI().getPath();
		this.requests.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
		try {
			switch (path) {
				case "/snapshot.jpg" -> send(exchange, "image/jpeg", this.jpeg);
				case "/snapshot.png" -> send(exchange, "image/png", this.png);
				case "/one-frame.mjpg" -> oneFrameStream(exchange);
				case "/stream.mjpg" -> endlessStream(exchange);
				case "/locked.jpg" -> locked(exchange);
				case "/digest.jpg" -> digestLocked(exchange);
				case "/page.html" -> send(exchange, "text/html", "<html>Login</html>".getBytes(StandardCharsets.UTF_8));
				case "/slow.jpg" -> {
					sleep(3000);
					send(exchange, "image/jpeg", this.jpeg);
				}
				case "/endless.jpg" -> endless(exchange);
				default -> exchange.sendResponseHeaders(404, -1);
			}
		}
		catch (IOException ex) {
			// The client left, as clients of a camera do.
		}
		finally {
			exchange.close();
		}
	}

	private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
	}

	private void oneFrameStream(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace; boundary=frame");
		exchange.getResponseHeaders().set("Connection", "close");
		exchange.sendResponseHeaders(200, 0);
		OutputStream body = exchange.getResponseBody();
		body.write(BOUNDARY);
		body.write(("Content-Type: image/jpeg\r\nContent-Length: " + this.jpeg.length + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		body.write(this.jpeg);
		body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
	}

	private void endlessStream(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace; boundary=frame");
		exchange.sendResponseHeaders(200, 0);
		OutputStream body = exchange.getResponseBody();
		byte[] headers = ("Content-Type: image/jpeg\r\nContent-Length: " + this.jpeg.length + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		while (!Thread.currentThread().isInterrupted()) {
			body.write(BOUNDARY);
			body.write(headers);
			body.write(this.jpeg);
			body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			body.flush();
			sleep(50);
		}
	}

	private void locked(HttpExchange exchange) throws IOException {
		String expected = "Basic "
				+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		if (expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			send(exchange, "image/jpeg", this.jpeg);
		}
		else {
			exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"camera\"");
			exchange.sendResponseHeaders(401, -1);
		}
	}

	private void digestLocked(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization != null && authorization.startsWith("Digest ")) {
			Map<String, String> fields = new ConcurrentHashMap<>();
			Matcher field = DIGEST_FIELD.matcher(authorization.substring("Digest ".length()));
			while (field.find()) {
				fields.put(field.group(1), (field.group(3) != null) ? field.group(3) : field.group(2));
			}
			String ha1 = md5(USER + ":camera:" + PASSWORD);
			String ha2 = md5("GET:" + fields.get("uri"));
			String expected = md5(
					ha1 + ":" + NONCE + ":" + fields.get("nc") + ":" + fields.get("cnonce") + ":auth:" + ha2);
			if (USER.equals(fields.get("username")) && expected.equals(fields.get("response"))) {
				send(exchange, "image/jpeg", this.jpeg);
				return;
			}
		}
		exchange.getResponseHeaders()
			.set("WWW-Authenticate", "Digest realm=\"camera\", qop=\"auth\", algorithm=MD5, nonce=\"" + NONCE + "\"");
		exchange.sendResponseHeaders(401, -1);
	}

	private static String md5(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Writes until the client gives up, which is the point of this path. */
	private static void endless(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
		exchange.sendResponseHeaders(200, 0);
		byte[] chunk = new byte[64 * 1024];
		while (true) {
			exchange.getResponseBody().write(chunk);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A 160x120 blue image in the given format. */
	private static byte[] encode(String extension) {
		try (Mat image = new Mat(120, 160, CV_8UC3, new Scalar(255, 0, 0, 0)); BytePointer buffer = new BytePointer()) {
			imencode(extension, image, buffer);
			byte[] bytes = new byte[(int) buffer.limit()];
			buffer.get(bytes);
			return bytes;
		}
	}

}
