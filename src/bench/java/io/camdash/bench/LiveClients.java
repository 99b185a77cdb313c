package io.camdash.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * H.264 viewers of one camdash's {@code live.ws}, opened, measured over a window and
 * closed together; shared by the live and relay benchmarks.
 */
final class LiveClients {

	private final HttpClient http = HttpClient.newHttpClient();

	private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "bench-pacer");
		thread.setDaemon(true);
		return thread;
	});

	private final List<LiveWsViewer> open = new ArrayList<>();

	private final long clientPid = ProcessHandle.current().pid();

	private final ServerProcess server;

	private final String path;

	LiveClients(ServerProcess server, String path) {
		this.server = server;
		this.path = path;
	}

	/**
	 * Opens viewers.
	 * @param bytesPerSecond 0 for as fast as it comes
	 */
	List<LiveWsViewer> open(int count, int bytesPerSecond) throws Exception {
		List<LiveWsViewer> viewers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			LiveWsViewer viewer = LiveWsViewer.open(this.http, this.server.port(), this.path, bytesPerSecond,
					this.pacer);
			viewers.add(viewer);
			this.open.add(viewer);
		}
		return viewers;
	}

	void closeAll() throws InterruptedException {
		this.open.forEach(LiveWsViewer::close);
		this.open.clear();
		Thread.sleep(500);
	}

	/**
	 * Measures the viewers over a window of CPU, frames, latency and bytes; fails when a
	 * stream broke.
	 */
	Window measure(List<LiveWsViewer> viewers, int seconds) throws Exception {
		CpuWindow cpu = CpuWindow.start(this.server, this.clientPid);
		viewers.forEach(LiveWsViewer::startWindow);
		Thread.sleep(seconds * 1000L);
		List<LiveWsViewer.Figures> figures = viewers.stream().map(LiveWsViewer::endWindow).toList();
		cpu.stop();
		long broken = figures.stream().filter(LiveWsViewer.Figures::broken).count();
		if (broken > 0) {
			throw new IllegalStateException(broken + " of " + viewers.size() + " H.264 streams broke");
		}
		return new Window(cpu, figures.stream().mapToDouble(LiveWsViewer.Figures::fps).toArray(),
				figures.stream().flatMapToLong((f) -> Arrays.stream(f.latenciesMicros())).toArray(),
				figures.stream().mapToDouble(LiveWsViewer.Figures::bytesPerSecond).sum());
	}

	/**
	 * One measured window: CPU, each viewer's fps, every latency (µs), bytes per second
	 * of all.
	 */
	record Window(CpuWindow cpu, double[] fps, long[] latenciesMicros, double bytesPerSecond) {

		double bytesPerViewer() {
			return this.bytesPerSecond / this.fps.length;
		}

		double kbPerFrame() {
			return this.bytesPerSecond / Arrays.stream(this.fps).sum() / 1000;
		}

	}

}
