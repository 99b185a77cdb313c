package io.camdash.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 12: the same stream read by different kinds of client, in consecutive batches
 * (each batch opens right after the last one closed, as reloading pages or a reconnecting
 * Home Assistant do). Besides the Java NIO client of the main figures: a single-threaded
 * event loop (the model of asyncio or aiohttp readers), one blocking thread per viewer,
 * and {@code curl} and {@code ffmpeg} as processes of their own.
 */
final class ClientKinds {

	private final int port;

	private final String path;

	private final double windowSeconds;

	ClientKinds(int port, String path, double windowSeconds) {
		this.port = port;
		this.path = path;
		this.windowSeconds = windowSeconds;
	}

	/** The kinds that can run here, by name; a tool that is not installed is left out. */
	List<Kind> kinds() {
		List<Kind> kinds = new ArrayList<>();
		kinds.add(new Kind("event loop, one thread", this::openEventLoop));
		kinds.add(new Kind("blocking, a thread per viewer", this::openBlocking));
		if (installed("curl")) {
			kinds.add(new Kind("curl, a process per viewer", (count) -> openProcesses(count, this::curl)));
		}
		if (installed("ffmpeg")) {
			kinds.add(new Kind("ffmpeg, a process per viewer", this::openFfmpeg));
		}
		return kinds;
	}

	/**
	 * Opens {@code count} viewers, waits for each one's first frame, then measures one
	 * window.
	 */
	WindowFigures batch(Kind kind, int count) throws Exception {
		try (Batch batch = kind.opener().open(count)) {
			batch.awaitFirstFrames(System.nanoTime() + 60_000_000_000L);
			batch.startWindow();
			Thread.sleep((long) (this.windowSeconds * 1000));
			return batch.endWindow();
		}
	}

	private Batch openEventLoop(int count) throws Exception {
		ViewerPool pool = new ViewerPool(this.port, 1);
		List<Viewer> viewers = pool.open(count, this.path, 0, 60_000);
		return new Batch() {

			@Override
			public void awaitFirstFrames(long deadlineNanos) {
				// ViewerPool.open returns once every viewer has its first frame.
			}

			@Override
			public void startWindow() throws Exception {
				pool.startWindow();
			}

			@Override
			public WindowFigures endWindow() throws Exception {
				return pool.endWindow(viewers).get(0);
			}

			@Override
			public void close() throws Exception {
				pool.close();
			}
		};
	}

	private Batch openBlocking(int count) throws Exception {
		List<StreamReaderViewer> viewers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Socket socket = new Socket();
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			OutputStream out = socket.getOutputStream();
			out.write(
					("GET " + this.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			viewers.add(new StreamReaderViewer("bench-blocking-" + i, socket.getInputStream(), socket));
		}
		return new ReaderBatch(viewers);
	}

	private Batch openProcesses(int count, ProcessFactory factory) throws Exception {
		List<StreamReaderViewer> viewers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Process process = factory.start();
			viewers.add(new StreamReaderViewer("bench-process-" + i, process.getInputStream(), () -> {
				process.destroy();
				process.waitFor();
			}));
		}
		return new ReaderBatch(viewers);
	}

	/** curl with the response head ({@code -i}), so the parser sees the status line. */
	private Process curl() throws IOException {
		return new ProcessBuilder("curl", "-sNi", "http://127.0.0.1:" + this.port + this.path)
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

	/**
	 * ffmpeg reads the stream as a recorder would ({@code -c copy}, no decode) and
	 * reports its frame count; its parts carry no capture time, so no latency.
	 */
	private Batch openFfmpeg(int count) throws Exception {
		List<FfmpegViewer> viewers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Process process = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error",
					"-stats_period", "0.2", "-progress", "pipe:1", "-f", "mpjpeg", "-i",
					"http://127.0.0.1:" + this.port + this.path, "-c", "copy", "-f", "null", "-")
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			viewers.add(new FfmpegViewer(process));
		}
		return new Batch() {

			@Override
			public void awaitFirstFrames(long deadlineNanos) throws Exception {
				for (FfmpegViewer viewer : viewers) {
					while (viewer.frames() == 0) {
						if (System.nanoTime() > deadlineNanos) {
							throw new IllegalStateException("an ffmpeg viewer got no frame");
						}
						Thread.sleep(50);
					}
				}
			}

			@Override
			public void startWindow() {
				viewers.forEach(FfmpegViewer::startWindow);
			}

			@Override
			public WindowFigures endWindow() {
				List<WindowFigures.ViewerFigures> figures = viewers.stream().map(FfmpegViewer::endWindow).toList();
				return new WindowFigures(figures.get(0).seconds(), figures);
			}

			@Override
			public void close() throws Exception {
				for (FfmpegViewer viewer : viewers) {
					viewer.close();
				}
			}
		};
	}

	private static boolean installed(String tool) {
		for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
			if (Files.isExecutable(Path.of(folder, tool))) {
				return true;
			}
		}
		return false;
	}

	/** A client kind and how to open a batch of it. */
	record Kind(String name, Opener opener) {

	}

	@FunctionalInterface
	interface Opener {

		Batch open(int count) throws Exception;

	}

	@FunctionalInterface
	private interface ProcessFactory {

		Process start() throws IOException;

	}

	/** Viewers open together, measured over one window, closed together. */
	interface Batch extends AutoCloseable {

		void awaitFirstFrames(long deadlineNanos) throws Exception;

		void startWindow() throws Exception;

		WindowFigures endWindow() throws Exception;

	}

	private static final class ReaderBatch implements Batch {

		private final List<StreamReaderViewer> viewers;

		ReaderBatch(List<StreamReaderViewer> viewers) {
			this.viewers = viewers;
		}

		@Override
		public void awaitFirstFrames(long deadlineNanos) throws Exception {
			for (StreamReaderViewer viewer : this.viewers) {
				while (!viewer.hasFirstFrame()) {
					if (System.nanoTime() > deadlineNanos) {
						throw new IllegalStateException("a viewer got no frame");
					}
					Thread.sleep(20);
				}
			}
		}

		@Override
		public void startWindow() {
			this.viewers.forEach(StreamReaderViewer::startWindow);
		}

		@Override
		public WindowFigures endWindow() {
			List<WindowFigures.ViewerFigures> figures = this.viewers.stream()
				.map(StreamReaderViewer::endWindow)
				.toList();
			return new WindowFigures(figures.get(0).seconds(), figures);
		}

		@Override
		public void close() throws Exception {
			for (StreamReaderViewer viewer : this.viewers) {
				viewer.close();
			}
		}

	}

}
