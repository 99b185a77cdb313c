package io.camdash.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * One client thread: a selector over many viewer connections, reading into one direct
 * buffer. Other threads talk to it only through {@link #call}, so viewer state needs no
 * locks.
 * <p>
 * Longer than most classes: everything that touches a viewer's state (connect, request,
 * read, throttle, pause, measure, close) must run on this thread, and keeping it in this
 * class is what makes that visible.
 */
final class ViewerLoop implements Runnable, AutoCloseable {

	/** Large reads: fewer system calls per frame. */
	private static final int READ_BUFFER = 256 * 1024;

	/**
	 * Slow viewers get a small receive window, so the server, not the client's kernel,
	 * holds their backlog.
	 */
	private static final int SLOW_RECEIVE_BUFFER = 16 * 1024;

	/** How often paused (rate-limited) viewers are looked at. */
	private static final long PACE_MILLIS = 5;

	private final Selector selector;

	private final Thread thread;

	private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER);

	private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final List<Viewer> viewers = new ArrayList<>();

	private volatile boolean running = true;

	private long windowStart;

	ViewerLoop(String name) throws IOException {
		this.selector = Selector.open();
		this.thread = new Thread(this, name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Runs {@code work} on this loop's thread. */
	<T> Future<T> call(Supplier<T> work) {
		CompletableFuture<T> result = new CompletableFuture<>();
		this.tasks.add(() -> {
			try {
				result.complete(work.get());
			}
			catch (RuntimeException ex) {
				result.completeExceptionally(ex);
			}
		});
		this.selector.wakeup();
		return result;
	}

	/** Starts a viewer of {@code path}; its connection proceeds on this loop. */
	Future<Viewer> open(int port, String path, int bytesPerSecond) {
		return call(() -> {
			try {
				SocketChannel channel = SocketChannel.open();
				channel.configureBlocking(false);
				if (bytesPerSecond > 0) {
					channel.setOption(StandardSocketOptions.SO_RCVBUF, SLOW_RECEIVE_BUFFER);
				}
				Viewer viewer = new Viewer(channel, bytesPerSecond);
				this.viewers.add(viewer);
				boolean connected = channel.connect(new InetSocketAddress("127.0.0.1", port));
				SelectionKey key = channel.register(this.selector, connected ? 0 : SelectionKey.OP_CONNECT, viewer);
				if (connected) {
					sendRequest(key, path);
				}
				else {
					key.attach(new Pending(viewer, path));
				}
				return viewer;
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot open a viewer: " + ex, ex);
			}
		});
	}

	/** Closes every viewer of this loop, plainly (FIN). */
	Future<Integer> closeAll() {
		return call(() -> {
			int count = this.viewers.size();
			for (Viewer viewer : this.viewers) {
				closeQuietly(viewer);
			}
			this.viewers.clear();
			return count;
		});
	}

	Future<Long> startWindow() {
		return call(() -> {
			this.windowStart = System.nanoTime();
			this.viewers.forEach(Viewer::startWindow);
			return this.windowStart;
		});
	}

	Future<Map<Viewer, WindowFigures.ViewerFigures>> endWindow() {
		return call(() -> {
			double seconds = (System.nanoTime() - this.windowStart) / 1e9;
			Map<Viewer, WindowFigures.ViewerFigures> figures = new IdentityHashMap<>();
			this.viewers.forEach((viewer) -> figures.put(viewer, viewer.endWindow(seconds)));
			return figures;
		});
	}

	@Override
	public void run() {
		while (this.running) {
			try {
				this.selector.select(PACE_MILLIS);
				Runnable task;
				while ((task = this.tasks.poll()) != null) {
					task.run();
				}
				for (SelectionKey key : this.selector.selectedKeys()) {
					handle(key);
				}
				this.selector.selectedKeys().clear();
				resumePaused();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private void handle(SelectionKey key) {
		if (!key.isValid()) {
			return;
		}
		if (key.attachment() instanceof Pending pending) {
			try {
				if (pending.viewer.channel.finishConnect()) {
					key.attach(pending.viewer);
					sendRequest(key, pending.path);
				}
			}
			catch (IOException ex) {
				pending.viewer.fail(ex);
				closeQuietly(pending.viewer);
			}
			return;
		}
		Viewer viewer = (Viewer) key.attachment();
		try {
			read(key, viewer);
		}
		catch (IOException | RuntimeException ex) {
			viewer.fail((ex instanceof RuntimeException) ? new IOException(ex) : (IOException) ex);
			closeQuietly(viewer);
		}
	}

	private void sendRequest(SelectionKey key, String path) throws IOException {
		SocketChannel channel = (SocketChannel) key.channel();
		channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
		ByteBuffer request = ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Accept: multipart/x-mixed-replace,*/*\r\nUser-Agent: camdash-bench\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		// A small request into an empty send buffer goes out in one write.
		channel.write(request);
		if (request.hasRemaining()) {
			throw new IOException("request not sent in one write");
		}
		key.interestOps(SelectionKey.OP_READ);
	}

	/** Reads what is there (within the viewer's rate budget) and parses it. */
	private void read(SelectionKey key, Viewer viewer) throws IOException {
		for (int round = 0; round < 4; round++) {
			this.buffer.clear();
			if (viewer.bytesPerSecond > 0) {
				int allowed = (int) refill(viewer);
				if (allowed < 1024) {
					viewer.paused = true;
					key.interestOps(0);
					return;
				}
				this.buffer.limit(Math.min(allowed, this.buffer.capacity()));
			}
			int count = viewer.channel.read(this.buffer);
			if (count < 0) {
				throw new IOException("server closed the stream");
			}
			if (count == 0) {
				return;
			}
			viewer.allowance -= count;
			viewer.bytesRead(count);
			this.buffer.flip();
			viewer.parser.feed(this.buffer);
			if (count < this.buffer.capacity() / 2) {
				return;
			}
		}
	}

	/**
	 * Token bucket holding at most a tenth of a second of budget, so the rate holds over
	 * short spans too.
	 */
	private static double refill(Viewer viewer) {
		long now = System.nanoTime();
		double burst = viewer.bytesPerSecond / 10.0;
		viewer.allowance = Math.min(burst,
				viewer.allowance + (now - viewer.allowanceNanos) * viewer.bytesPerSecond / 1e9);
		viewer.allowanceNanos = now;
		return viewer.allowance;
	}

	private void resumePaused() {
		for (Viewer viewer : this.viewers) {
			if (viewer.paused && refill(viewer) >= 1024) {
				SelectionKey key = viewer.channel.keyFor(this.selector);
				if (key != null && key.isValid()) {
					viewer.paused = false;
					key.interestOps(SelectionKey.OP_READ);
				}
			}
		}
	}

	private static void closeQuietly(Viewer viewer) {
		viewer.paused = false;
		try {
			viewer.channel.close();
		}
		catch (IOException ex) {
			// Closing for good: nothing to do about it.
		}
	}

	@Override
	public void close() throws InterruptedException {
		try {
			closeAll().get();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			// The loop is going away anyway.
		}
		this.running = false;
		this.selector.wakeup();
		this.thread.join(2000);
	}

	/** A connection still being made, and the path to ask for once it is. */
	private record Pending(Viewer viewer, String path) {

	}

}
