package io.camdash.live;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test client of the live WebSocket on the JDK's own WebSocket client: sends the codec
 * list as a browser's player does, and hands out each message received, or the close.
 */
final class LiveClient implements AutoCloseable {

	static final String BROWSER_CODECS = "{\"type\":\"mse\",\"codecs\":"
			+ "[\"avc1.640034\",\"avc1.4D4034\",\"avc1.42E034\"]}";

	private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<Closed> closed = new CompletableFuture<>();

	private final WebSocket socket;

	private LiveClient(int port, String path, Map<String, String> headers) {
		WebSocket.Builder builder = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(30));
		headers.forEach(builder::header);
		this.socket = builder.buildAsync(URI.create("ws://localhost:" + port + path), new Listener()).join();
	}

	static LiveClient open(int port, String path, Map<String, String> headers) {
		return new LiveClient(port, path, headers);
	}

	LiveClient send(String text) {
		this.socket.sendText(text, true).join();
		return this;
	}

	/** The next message: a String (text) or a byte[] (binary). */
	Object next() throws InterruptedException {
		Object message = this.messages.poll(10, TimeUnit.SECONDS);
		if (message == null) {
			throw new AssertionError(
					"no message within 10 s" + (this.closed.isDone() ? ", closed: " + this.closed.join() : ""));
		}
		return message;
	}

	byte[] nextBinary() throws InterruptedException {
		Object message = next();
		if (message instanceof byte[] bytes) {
			return bytes;
		}
		throw new AssertionError("expected a binary message, got " + message);
	}

	/** How the server closed the connection, waiting up to 15 s. */
	Closed awaitClose() throws Exception {
		return this.closed.get(15, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
		this.socket.abort();
	}

	record Closed(int code, String reason) {
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				LiveClient.this.messages.add(this.text.toString());
				this.text.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			byte[] bytes = new byte[data.remaining()];
			data.get(bytes);
			this.binary.writeBytes(bytes);
			if (last) {
				LiveClient.this.messages.add(this.binary.toByteArray());
				this.binary.reset();
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			LiveClient.this.closed.complete(new Closed(statusCode, reason));
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			LiveClient.this.closed.completeExceptionally(error);
		}

	}

}
