package io.camdash.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The benchmark's viewers, spread over a few {@link ViewerLoop} threads. */
final class ViewerPool implements AutoCloseable {

	/**
	 * Connections opened at once: a burst beyond the server's accept backlog would cost a
	 * second of SYN retries.
	 */
	private static final int CONNECT_BATCH = 50;

	private final int port;

	private final List<ViewerLoop> loops = new ArrayList<>();

	private final List<Viewer> viewers = new ArrayList<>();

	ViewerPool(int port, int threads) throws IOException {
		this.port = port;
		for (int i = 0; i < threads; i++) {
			this.loops.add(new ViewerLoop("bench-viewers-" + i));
		}
	}

	/**
	 * Opens {@code count} viewers of {@code path} and waits until each has received a
	 * frame.
	 * @return the new viewers
	 */
	List<Viewer> open(int count, String path, int bytesPerSecond, long timeoutMillis) throws Exception {
		List<Viewer> opened = new ArrayList<>();
		long deadline = System.currentTimeMillis() + timeoutMillis;
		for (int start = 0; start < count; start += CONNECT_BATCH) {
			List<Future<Viewer>> batch = new ArrayList<>();
			for (int i = start; i < Math.min(count, start + CONNECT_BATCH); i++) {
				ViewerLoop loop = this.loops.get(i % this.loops.size());
				batch.add(loop.open(this.port, path, bytesPerSecond));
			}
			List<Viewer> batchViewers = new ArrayList<>();
			for (Future<Viewer> viewer : batch) {
				batchViewers.add(viewer.get());
			}
			awaitFirstFrames(batchViewers, deadline);
			opened.addAll(batchViewers);
		}
		this.viewers.addAll(opened);
		return opened;
	}

	private static void awaitFirstFrames(List<Viewer> viewers, long deadline) throws Exception {
		while (true) {
			long waiting = 0;
			for (Viewer viewer : viewers) {
				if (viewer.failed) {
					throw new IOException("a viewer failed: " + viewer.failure);
				}
				if (viewer.framesTotal == 0) {
					waiting++;
				}
			}
			if (waiting == 0) {
				return;
			}
			if (System.currentTimeMillis() > deadline) {
				throw new IOException(waiting + " of " + viewers.size() + " viewers got no frame in time");
			}
			Thread.sleep(10);
		}
	}

	void startWindow() throws Exception {
		List<Future<Long>> started = this.loops.stream().map(ViewerLoop::startWindow).toList();
		for (Future<Long> loop : started) {
			loop.get();
		}
	}

	/** Ends the window; one set of figures per group of viewers asked for. */
	@SafeVarargs
	final List<WindowFigures> endWindow(List<Viewer>... groups) throws Exception {
		List<Future<Map<Viewer, WindowFigures.ViewerFigures>>> ended = this.loops.stream()
			.map(ViewerLoop::endWindow)
			.toList();
		Map<Viewer, WindowFigures.ViewerFigures> all = new IdentityHashMap<>();
		for (Future<Map<Viewer, WindowFigures.ViewerFigures>> loop : ended) {
			all.putAll(loop.get());
		}
		List<WindowFigures> figures = new ArrayList<>();
		for (List<Viewer> group : groups) {
			List<WindowFigures.ViewerFigures> selected = group.stream().map(all::get).toList();
			double seconds = selected.stream().mapToDouble(WindowFigures.ViewerFigures::seconds).max().orElse(0);
			figures.add(new WindowFigures(seconds, selected));
		}
		return figures;
	}

	/** Closes every viewer (FIN), ready for the next scenario. */
	void closeViewers() throws ExecutionException, InterruptedException {
		for (ViewerLoop loop : this.loops) {
			loop.closeAll().get();
		}
		this.viewers.clear();
	}

	@Override
	public void close() throws InterruptedException {
		for (ViewerLoop loop : this.loops) {
			loop.close();
		}
	}

}
