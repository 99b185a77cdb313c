package io.camdash.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import io.camdash.support.Browser;

/**
 * The live H.264 benchmark of issue 13: the 720p30 benchmark source as H.264 over
 * {@code live.ws}, against MJPEG from the same camera in the same run. Measures bytes per
 * viewer, server CPU at 1 and 100 viewers of each kind, encodes per frame, a viewer
 * throttled to 200 KB/s beside normal ones, and in headless Chromium the time to the
 * first picture and capture-to-screen latency. Prints figures against targets and never
 * asserts them; it fails only when it cannot measure.
 * <p>
 * Longer than most classes: it is a script, one short measurement after another in the
 * order of the report, all sharing one server, one results table and the viewer pools;
 * split into classes, the order of the run would no longer read from top to bottom.
 */
public final class LiveBenchmark {

	static final String LIVE = "/cameras/bench/live.ws?token=" + StreamingBenchmark.BENCH_TOKEN;

	private static final int THROTTLED_BYTES_PER_SECOND = 200_000;

	private final BenchOptions options;

	private final ResultsTable results = new ResultsTable();

	private ServerProcess server;

	private LiveClients live;

	private LiveBenchmark(BenchOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		new LiveBenchmark(BenchOptions.fromSystemProperties()).run();
		System.exit(0);
	}

	private void run() throws Exception {
		long started = System.nanoTime();
		Path out = this.options.out();
		Path video = out.resolve("source-720p30.avi");
		if (!Files.exists(video)) {
			log("Generating %s", video);
			BenchVideo.generate(video, this.options.quick() ? 2 : 5);
		}
		Path serverLog = out.resolve("server-live.log");
		log("Starting camdash from %s, log in %s", this.options.jar(), serverLog);
		try (ServerProcess server = ServerProcess.start(this.options.jar(), List.of("-Xms256m", "-Xmx1g"),
				StreamingBenchmark.appArgs(video, out.resolve("live")), serverLog);
				ViewerPool mjpeg = new ViewerPool(server.port(), this.options.clientThreads())) {
			this.server = server;
			this.live = new LiveClients(server, LIVE);
			log("camdash pid %d on 127.0.0.1:%d", server.pid(), server.port());
			warmUp(this.live, mjpeg, this.options.quick());
			// -Dbench.only=throttled or =browser runs that scenario alone.
			String only = System.getProperty("bench.only", "");
			if (only.isEmpty()) {
				load(mjpeg);
			}
			if (only.isEmpty() || only.equals("throttled")) {
				throttled();
			}
			if (only.isEmpty() || only.equals("browser")) {
				browser();
			}
			long errors = server.errorLines();
			this.results.target("ERROR lines in the server log, whole run", Long.toString(errors), "0", errors == 0);
		}
		String report = "Live H.264 benchmark" + (this.options.quick() ? " (QUICK smoke run: too short to quote)" : "")
				+ ", " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ", run took "
				+ StreamingBenchmark.format((System.nanoTime() - started) / 1e9, 0) + " s; windows of "
				+ this.options.windowSeconds() + " s after " + this.options.warmupSeconds() + " s warm-up each\n\n"
				+ this.results.markdown() + "\n" + this.results.misses() + " target(s) missed\n";
		System.out.println();
		System.out.println(report);
		Files.writeString(out.resolve("results-live.md"), report);
		log("Results also in %s", out.resolve("results-live.md"));
	}

	/** Compiles both paths before anything is measured. */
	/** Warms up both send paths and the JIT; shared with the relay benchmark. */
	static void warmUp(LiveClients live, ViewerPool mjpeg, boolean quick) throws Exception {
		log("Warm-up: 20 H.264 and 20 MJPEG viewers");
		live.open(20, 0);
		mjpeg.open(20, StreamingBenchmark.STREAM, 0, 60_000);
		Thread.sleep(quick ? 1000 : 15_000);
		live.closeAll();
		mjpeg.closeViewers();
		Thread.sleep(quick ? 500 : 5000);
	}

	/**
	 * N MJPEG viewers; returns server CPU % and bytes per second per viewer. Shared with
	 * the relay benchmark.
	 */
	static double[] mjpegLoad(ServerProcess server, ViewerPool pool, int count, BenchOptions options) throws Exception {
		log("MJPEG: %d viewers", count);
		List<Viewer> viewers = pool.open(count, StreamingBenchmark.STREAM, 0, 120_000);
		Thread.sleep(options.warmupSeconds() * 1000L);
		CpuWindow cpu = CpuWindow.start(server, ProcessHandle.current().pid());
		pool.startWindow();
		Thread.sleep(options.windowSeconds() * 1000L);
		WindowFigures window = pool.endWindow(viewers).get(0);
		cpu.stop();
		pool.closeViewers();
		Thread.sleep(1000);
		return new double[] { cpu.serverPercent(), window.bytesPerSecond() / count };
	}

	/** N H.264 viewers; returns server CPU % and bytes per second per viewer. */
	private double[] liveLoad(int count) throws Exception {
		log("H.264: %d viewers", count);
		List<LiveWsViewer> viewers = this.live.open(count, 0);
		Thread.sleep(this.options.warmupSeconds() * 1000L);
		double encodedBefore = this.server.benchCounter("camdash.camera.h264.frames.encoded");
		double capturedBefore = this.server.benchCounter("camdash.camera.frames.captured");
		LiveClients.Window window = this.live.measure(viewers, this.options.windowSeconds());
		double encoded = this.server.benchCounter("camdash.camera.h264.frames.encoded") - encodedBefore;
		double captured = this.server.benchCounter("camdash.camera.frames.captured") - capturedBefore;
		long rss = this.server.rssKb();
		long heap = this.server.heapAfterGcKb();
		this.live.closeAll();
		double[] fps = window.fps();
		this.results.load(count, window.cpu().serverPercent(), window.cpu().clientPercent(), Stats.min(fps),
				Stats.median(fps), Stats.percentile(window.latenciesMicros(), 50) / 1000,
				Stats.percentile(window.latenciesMicros(), 99) / 1000, rss / 1024.0, heap / 1024.0,
				window.bytesPerSecond() / 1e6, window.kbPerFrame());
		double perFrame = encoded / captured;
		this.results.target("H.264 encodes per captured frame at " + count + " viewers",
				StreamingBenchmark.format(perFrame, 2), "<= 1.02", perFrame <= 1.02);
		if (count > 1) {
			this.results.target("H.264 fps of every viewer at " + count + " viewers (min)",
					StreamingBenchmark.format(Stats.min(fps), 2), ">= 29.5", Stats.min(fps) >= 29.5);
		}
		String encode = this.server.get("/actuator/metrics/camdash.camera.h264.encode?tag=camera:bench");
		double encodes = StreamingBenchmark.statistic(encode, "COUNT");
		this.results.info("H.264 encode (convert + OpenH264) per frame, mean ms (server timer, whole run so far)",
				StreamingBenchmark.format(StreamingBenchmark.statistic(encode, "TOTAL_TIME") / encodes * 1000, 2));
		Thread.sleep(1000);
		return new double[] { window.cpu().serverPercent(), window.bytesPerViewer() };
	}

	/** Bytes and CPU of H.264 viewers against MJPEG ones, on the same camera. */
	private void load(ViewerPool mjpeg) throws Exception {
		int many = this.options.quick() ? 10 : 100;
		double[] mjpegOne = mjpegLoad(this.server, mjpeg, 1, this.options);
		double mjpegBytes = mjpegOne[1];
		double mjpegCpuMany = mjpegLoad(this.server, mjpeg, many, this.options)[0];
		double[] one = liveLoad(1);
		double[] hundred = liveLoad(many);
		double perViewer = one[1];
		this.results.target("H.264 bytes per second per viewer / MJPEG q80's (same camera, same run)",
				StreamingBenchmark.format(perViewer / mjpegBytes, 3), "<= 0.2", perViewer / mjpegBytes <= 0.2);
		this.results.info("H.264 / MJPEG KB/s per viewer", StreamingBenchmark.format(perViewer / 1000, 1) + " / "
				+ StreamingBenchmark.format(mjpegBytes / 1000, 1));
		this.results.info("server CPU at " + many + " viewers, H.264 (encoded camera) / MJPEG, % of a core",
				StreamingBenchmark.format(hundred[0], 1) + " / " + StreamingBenchmark.format(mjpegCpuMany, 1));
		this.results.info("H.264 CPU(" + many + ") / CPU(1), encoded camera",
				StreamingBenchmark.format(hundred[0] / one[0], 2));
		this.results.info("server CPU at 1 viewer, H.264 (encoded camera) / MJPEG, % of a core",
				StreamingBenchmark.format(one[0], 1) + " / " + StreamingBenchmark.format(mjpegOne[0], 1));
	}

	/** One viewer at 200 KB/s beside 10 normal ones. */
	private void throttled() throws Exception {
		log("H.264: 1 viewer at %d KB/s beside 10 normal", THROTTLED_BYTES_PER_SECOND / 1000);
		List<LiveWsViewer> normal = this.live.open(10, 0);
		LiveWsViewer slow = this.live.open(1, THROTTLED_BYTES_PER_SECOND).get(0);
		double skipsBefore = this.server.benchCounter("camdash.camera.h264.keyframe.skips");
		// Long enough for every buffer between server and slow viewer to fill.
		Thread.sleep(this.options.quick() ? 2000 : 10_000);
		normal.forEach(LiveWsViewer::startWindow);
		slow.startWindow();
		Thread.sleep(this.options.windowSeconds() * 2000L);
		LiveWsViewer.Figures slowFigures = slow.endWindow();
		double[] normalFps = normal.stream()
			.map(LiveWsViewer::endWindow)
			.mapToDouble(LiveWsViewer.Figures::fps)
			.toArray();
		double skips = this.server.benchCounter("camdash.camera.h264.keyframe.skips") - skipsBefore;
		this.live.closeAll();
		long[] latencies = slowFigures.latenciesMicros();
		double p95 = Stats.percentile(latencies, 95) / 1000;
		double max = Arrays.stream(latencies).max().orElse(0) / 1000.0;
		this.results.target("throttled viewer (200 KB/s): latency max, ms", StreamingBenchmark.format(max, 0),
				"<= 2000", max <= 2000);
		this.results.info("throttled viewer: latency p95 ms / fps / KB/s received / keyframe skips (server)",
				StreamingBenchmark.format(p95, 0) + " / " + StreamingBenchmark.format(slowFigures.fps(), 1) + " / "
						+ StreamingBenchmark.format(slowFigures.bytesPerSecond() / 1000, 0) + " / "
						+ StreamingBenchmark.format(skips, 0));
		this.results.target("throttled viewer: the 10 others' fps (min)",
				StreamingBenchmark.format(Stats.min(normalFps), 2), ">= 29.5", Stats.min(normalFps) >= 29.5);
	}

	/**
	 * Headless Chromium opens the live page: time from navigation to the first frame
	 * presented, and capture-to-screen latency of every frame presented afterwards (the
	 * frame's capture time from the stream's time zero plus its media time, against the
	 * time it was expected on screen).
	 */
	private void browser() throws Exception {
		log("Chromium: first picture and capture-to-screen latency");
		String base = "http://127.0.0.1:" + this.server.port();
		// The camera runs (as when someone else watches): the first picture depends on
		// the kept GOP, not on the camera starting.
		List<LiveWsViewer> keepRunning = this.live.open(1, 0);
		try (Browser browser = Browser.open()) {
			browser.driver()
				.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", FRAME_PROBE));
			browser.login(base, "admin", ServerProcess.ADMIN_PASSWORD);
			int samples = this.options.quick() ? 2 : 10;
			double[] first = new double[samples];
			for (int i = 0; i < samples; i++) {
				browser.driver().get("about:blank");
				browser.driver().get(base + "/cameras/bench?view=h264");
				first[i] = ((Number) browser.await((d) -> browser.driver()
					.executeScript("return window.camdashProbe && window.camdashProbe.first"))).doubleValue();
			}
			Thread.sleep(this.options.windowSeconds() * 1000L);
			List<?> latencies = (List<?>) browser.driver().executeScript("return window.camdashProbe.latencies");
			double[] values = latencies.stream().mapToDouble((v) -> ((Number) v).doubleValue()).toArray();
			List<String> problems = browser.consoleProblems();
			double p95 = Stats.percentile(values, 95);
			this.results.target("Chromium: capture to screen, p95 ms (" + values.length + " frames)",
					StreamingBenchmark.format(p95, 0), "<= 500", p95 <= 500);
			this.results.info("Chromium: capture to screen, p50 ms",
					StreamingBenchmark.format(Stats.percentile(values, 50), 0));
			double firstMedian = Stats.median(first);
			double firstMax = Stats.max(first);
			this.results.target("Chromium: first picture after opening the page, max ms (" + samples + " loads)",
					StreamingBenchmark.format(firstMax, 0), "<= 1000", firstMax <= 1000);
			this.results.info("Chromium: first picture after opening the page, median ms",
					StreamingBenchmark.format(firstMedian, 0));
			this.results.target("Chromium: console warnings and errors", Integer.toString(problems.size()), "0",
					problems.isEmpty());
		}
		finally {
			keepRunning.forEach(LiveWsViewer::close);
		}
	}

	/**
	 * Runs in the page before its own scripts: records when the live video presents its
	 * first frame (ms since navigation started) and each frame's capture-to-screen
	 * latency.
	 */
	private static final String FRAME_PROBE = """
			window.camdashProbe = { first: null, latencies: [] };
			document.addEventListener('DOMContentLoaded', () => {
			  const video = document.querySelector('#live-video');
			  if (!video || !video.requestVideoFrameCallback) return;
			  const onFrame = (now, meta) => {
			    const start = Number(video.dataset.streamStart);
			    if (window.camdashProbe.first === null) window.camdashProbe.first = meta.presentationTime;
			    else if (start > 0) {
			      const shown = performance.timeOrigin + meta.expectedDisplayTime;
			      window.camdashProbe.latencies.push(shown - (start + meta.mediaTime * 1000));
			    }
			    video.requestVideoFrameCallback(onFrame);
			  };
			  video.requestVideoFrameCallback(onFrame);
			});
			""";

	static void log(String format, Object... args) {
		System.out.printf("[live bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
	}

}
