package io.camdash.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One H.264 viewer of {@code live.ws}, as the browser's player talks to it: says which
 * codecs it plays, then receives the MIME message, the init segment and one fragment per
 * frame. Each fragment's capture time comes from the stream's time zero (in the MIME
 * message) plus the fragment's decode time ({@code tfdt}), so the latency measured is
 * capture to complete fragment received. A throttled viewer asks for the next message
 * only when its byte budget allows, so TCP holds the server back as a slow link would.
 */
final class LiveWsViewer implements WebSocket.Listener {

	static final String HELLO = "{\"type\":\"mse\",\"codecs\":[\"avc1.42E01E\",\"avc1.4D401F\",\"avc1.640028\"]}";

	private static final Pattern START = Pattern.compile("\"start\":(\\d+)");

	private static final int TIMESCALE = 90_000;

	private final int bytesPerSecond;

	private final ScheduledExecutorService pacer;

	private final CompletableFuture<Void> firstFragment = new CompletableFuture<>();

	private final ByteArrayOutputStream message = new ByteArrayOutputStream();

	private final long openedNanos = System.nanoTime();

	private WebSocket socket;

	private volatile long startMillis = -1;

	private boolean initReceived;

	private long totalBytes;

	private volatile boolean closed;

	// The window's figures, guarded by this.
	private boolean inWindow;

	private long windowStartNanos;

	private long windowBytes;

	private long windowFragments;

	private final LongList latenciesMicros = new LongList();

	private LiveWsViewer(int bytesPerSecond, ScheduledExecutorService pacer) {
		this.bytesPerSecond = bytesPerSecond;
		this.pacer = pacer;
	}

	/**
	 * Opens a viewer and waits for its first fragment.
	 * @param bytesPerSecond 0 for as fast as it comes
	 */
	static LiveWsViewer open(HttpClient client, int port, String path, int bytesPerSecond,
			ScheduledExecutorService pacer) throws Exception {
		LiveWsViewer viewer = new LiveWsViewer(bytesPerSecond, pacer);
		WebSocket socket = client.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(URI.create("ws://127.0.0.1:" + port + path), viewer)
			.get(20, TimeUnit.SECONDS);
		socket.sendText(HELLO, true).get(10, TimeUnit.SECONDS);
		viewer.firstFragment.get(30, TimeUnit.SECONDS);
		return viewer;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		this.socket = webSocket;
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		Matcher start = START.matcher(data);
		if (start.find()) {
			this.startMillis = Long.parseLong(start.group(1));
		}
		this.initReceived = false;
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
		byte[] part = new byte[data.remaining()];
		data.get(part);
		this.message.writeBytes(part);
		this.totalBytes += part.length;
		if (last) {
			byte[] whole = this.message.toByteArray();
			this.message.reset();
			if (!this.initReceived) {
				this.initReceived = true;
			}
			else {
				fragment(whole);
			}
		}
		askForMore(webSocket);
		return null;
	}

	private void fragment(byte[] fragment) {
		long now = System.currentTimeMillis();
		long decodeTime = decodeTime(fragment);
		long captured = this.startMillis + decodeTime * 1000 / TIMESCALE;
		synchronized (this) {
			if (this.inWindow) {
				this.windowBytes += fragment.length;
				this.windowFragments++;
				this.latenciesMicros.add((now - captured) * 1000);
			}
		}
		this.firstFragment.complete(null);
	}

	/** Asks for the next message now, or when a throttled viewer's budget allows. */
	private void askForMore(WebSocket webSocket) {
		if (this.bytesPerSecond <= 0) {
			webSocket.request(1);
			return;
		}
		long dueNanos = this.openedNanos + this.totalBytes * 1_000_000_000L / this.bytesPerSecond;
		long waitNanos = dueNanos - System.nanoTime();
		if (waitNanos <= 0) {
			webSocket.request(1);
		}
		else {
			this.pacer.schedule(() -> webSocket.request(1), waitNanos, TimeUnit.NANOSECONDS);
		}
	}

	/** The {@code tfdt} box's base media decode time. */
	static long decodeTime(byte[] fragment) {
		for (int i = 4; i + 16 <= fragment.length; i++) {
			if (fragment[i] == 't' && fragment[i + 1] == 'f' && fragment[i + 2] == 'd' && fragment[i + 3] == 't') {
				ByteBuffer box = ByteBuffer.wrap(fragment, i + 4, 12);
				int version = box.get() & 0xff;
				box.position(box.position() + 3);
				return (version == 1) ? box.getLong() : box.getInt() & 0xffffffffL;
			}
		}
		throw new IllegalStateException("A fragment without tfdt: "
				+ new String(fragment, 0, Math.min(8, fragment.length), StandardCharsets.ISO_8859_1));
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed = true;
		this.firstFragment
			.completeExceptionally(new IllegalStateException("live.ws closed " + statusCode + " " + reason));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed = true;
		this.firstFragment.completeExceptionally(error);
	}

	boolean broken() {
		return this.closed;
	}

	synchronized void startWindow() {
		this.inWindow = true;
		this.windowStartNanos = System.nanoTime();
		this.windowBytes = 0;
		this.windowFragments = 0;
		this.latenciesMicros.clear();
	}

	/** Ends the window: fragments per second, bytes per second, latencies. */
	synchronized Figures endWindow() {
		this.inWindow = false;
		double seconds = (System.nanoTime() - this.windowStartNanos) / 1e9;
		return new Figures(this.windowFragments / seconds, this.windowBytes / seconds, this.latenciesMicros.toArray(),
				this.closed);
	}

	void close() {
		if (this.socket != null && !this.closed) {
			this.socket.abort();
		}
	}

	record Figures(double fps, double bytesPerSecond, long[] latenciesMicros, boolean broken) {

	}

	/** A growable array of longs (a window at 30 fps holds a few hundred). */
	private static final class LongList {

		private long[] values = new long[512];

		private int size;

		void add(long value) {
			if (this.size == this.values.length) {
				this.values = java.util.Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		void clear() {
			this.size = 0;
		}

		long[] toArray() {
			return java.util.Arrays.copyOf(this.values, this.size);
		}

	}

}
