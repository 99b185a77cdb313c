package io.camdash.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The streaming benchmark of issue 3: starts camdash as a separate JVM with a 1280x720 30
 * fps video source, then measures N viewers, slow viewers, churn and first frame, and
 * prints the figures against their targets. Run it with {@code ./mvnw -Pbench verify}
 * (see docs/performance.md). It prints and never asserts timings; it fails only when it
 * cannot measure (server down, streams broken).
 * <p>
 * Longer than most classes: it is a script whose scenarios run one after another in the
 * order of the report, sharing one camdash process, one viewer pool and one results
 * table; one class per scenario is the split if it grows.
 */
public final class StreamingBenchmark {

	// Viewers open streams as tools do, with a camera access token: cheap to check,
	// unlike a password hash.
	static final String BENCH_TOKEN = "bench-token-0123456789abcdef";

	static final String IDLE_TOKEN = "idle-token-0123456789abcdef";

	static final String STREAM = "/cameras/bench/stream.mjpg?token=" + BENCH_TOKEN;

	static final String IDLE_STREAM = "/cameras/idle/stream.mjpg?token=" + IDLE_TOKEN;

	static final String PASS_CAMERA = "mjpeg";

	static final String DRAWN_CAMERA = "mjpeg-drawn";

	private static final int SLOW_BYTES_PER_SECOND = 50_000;

	private static final Pattern JSON_NUMBER = Pattern.compile("\"(\\w+)\":(-?[0-9.E]+)");

	private final BenchOptions options;

	private final ResultsTable results = new ResultsTable();

	private final long clientPid = ProcessHandle.current().pid();

	private ServerProcess server;

	private ViewerPool pool;

	private StreamingBenchmark(BenchOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		new StreamingBenchmark(BenchOptions.fromSystemProperties()).run();
		// Selector threads are daemons; exit at once rather than wait on anything
		// lingering.
		System.exit(0);
	}

	private void run() throws Exception {
		long started = System.nanoTime();
		Path video = this.options.out().resolve("source-720p30.avi");
		log("Generating %s (1280x720, 30 fps, MPEG-4)", video);
		BenchVideo.generate(video, this.options.quick() ? 2 : 5);
		Path serverLog = this.options.out().resolve("server.log");
		log("Starting camdash from %s, log in %s", this.options.jar(), serverLog);
		try (MjpegFeeder feeder = MjpegFeeder.start(video);
				ServerProcess server = ServerProcess.start(this.options.jar(), jvmArgs(),
						appArgs(video, feeder.url(), this.options.out()), serverLog)) {
			this.server = server;
			log("camdash pid %d on 127.0.0.1:%d", server.pid(), server.port());
			try (ViewerPool pool = new ViewerPool(server.port(), this.options.clientThreads())) {
				this.pool = pool;
				String only = System.getProperty("bench.only", "");
				if (only.isEmpty() || Set.of(only.split(",")).contains("passthrough")) {
					// First, while no other camera runs.
					passThrough(feeder);
				}
				warmUp();
				scenarios();
			}
			long errors = server.errorLines();
			this.results.target("ERROR lines in the server log, whole run", Long.toString(errors), "0", errors == 0);
		}
		String report = report((System.nanoTime() - started) / 1e9);
		System.out.println();
		System.out.println(report);
		Files.writeString(this.options.out().resolve("results.md"), report);
		log("Results also in %s", this.options.out().resolve("results.md"));
	}

	/**
	 * Every scenario, or those named in {@code -Dbench.only} (for example {@code slow} to
	 * compare a setting such as socket-send-buffer in runs taken one after another, or
	 * {@code load,kinds}; {@code passthrough} names the MJPEG pass-through scenario, run
	 * first).
	 */
	private void scenarios() throws Exception {
		Set<String> only = Set.of(System.getProperty("bench.only", "").split(","));
		Predicate<String> runs = (name) -> only.equals(Set.of("")) || only.contains(name);
		if (runs.test("load")) {
			load();
		}
		if (runs.test("slow")) {
			slowViewers();
		}
		if (runs.test("kinds")) {
			clientKinds();
		}
		if (runs.test("churn")) {
			churn();
		}
		if (runs.test("first")) {
			firstFrame();
		}
		if (runs.test("encode")) {
			encodeCost();
		}
	}

	private void load() throws Exception {
		double cpuOne = Double.NaN;
		double cpuHundred = Double.NaN;
		for (int viewers : this.options.viewerCounts()) {
			double cpu = load(viewers);
			cpuOne = (viewers == 1) ? cpu : cpuOne;
			cpuHundred = (viewers == 100) ? cpu : cpuHundred;
		}
		this.results.target("CPU(100) / CPU(1)", format(cpuHundred / cpuOne, 2), "<= 1.5", cpuHundred / cpuOne <= 1.5);
		this.results.target("server CPU at 100 viewers, % of one core", format(cpuHundred, 1), "<= 27",
				cpuHundred <= 27);
	}

	private List<String> jvmArgs() {
		List<String> args = new ArrayList<>(List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC"));
		if (this.options.jfr()) {
			args.add("-XX:StartFlightRecording=filename=" + this.options.out().resolve("server.jfr").toAbsolutePath()
					+ ",settings=profile,dumponexit=true");
		}
		return args;
	}

	static List<String> appArgs(Path video, Path out) {
		return appArgs(video, null, out);
	}

	/**
	 * The server's arguments; with an MJPEG camera URL, the two pass-through cameras too.
	 */
	private static List<String> appArgs(Path video, @Nullable String mjpegUrl, Path out) {
		List<String> args = new ArrayList<>(List.of("--camdash.cameras[0].id=bench",
				"--camdash.cameras[0].name=Bench 720p", "--camdash.cameras[0].source=file:" + video.toAbsolutePath(),
				"--camdash.cameras[0].width=1280", "--camdash.cameras[0].height=720", "--camdash.cameras[0].fps=30",
				"--camdash.cameras[0].overlay=false", "--camdash.cameras[0].jpeg-quality=80",
				// The idle camera: a test pattern that stops a second after its last
				// viewer.
				"--camdash.cameras[1].id=idle", "--camdash.cameras[1].source=test-pattern",
				"--camdash.cameras[1].width=1280", "--camdash.cameras[1].height=720", "--camdash.cameras[1].fps=30",
				"--camdash.cameras[1].idle-timeout=1s", "--camdash.streaming.max-viewers=600",
				"--camdash.streaming.max-viewers-per-address=600",
				// Idle stream threads go after 2 s (default 10 s), so churn settles
				// within the run.
				"--camdash.streaming.thread-keep-alive=2s",
				// Its own folders and sign-in, so a run never touches the working copy's
				// data.
				"--camdash.security.data-folder=" + out.resolve("data"),
				"--camdash.security.admin-password=" + ServerProcess.ADMIN_PASSWORD,
				"--camdash.security.camera-tokens.bench=" + BENCH_TOKEN,
				"--camdash.security.camera-tokens.idle=" + IDLE_TOKEN,
				"--camdash.pictures.folder=" + out.resolve("pictures"),
				"--camdash.pictures.thumbnail-cache=" + out.resolve("thumbnails"),
				"--camdash.notes.folder=" + out.resolve("notes")));
		if (mjpegUrl != null) {
			// An MJPEG network camera twice: JPEGs passed through, and drawn on
			// (decoded, overlay, encoded).
			args.addAll(List.of("--camdash.cameras[2].id=" + PASS_CAMERA, "--camdash.cameras[2].source=" + mjpegUrl,
					"--camdash.cameras[2].overlay=false", "--camdash.cameras[2].idle-timeout=1s",
					"--camdash.cameras[3].id=" + DRAWN_CAMERA, "--camdash.cameras[3].source=" + mjpegUrl,
					"--camdash.cameras[3].overlay=true", "--camdash.cameras[3].idle-timeout=1s",
					"--camdash.security.camera-tokens." + PASS_CAMERA + "=" + BENCH_TOKEN,
					"--camdash.security.camera-tokens." + DRAWN_CAMERA + "=" + BENCH_TOKEN));
		}
		// Extra server settings to compare, e.g.
		// -Dbench.serverArgs=--camdash.streaming.socket-send-buffer=256KB
		String extra = System.getProperty("bench.serverArgs", "").strip();
		if (!extra.isEmpty()) {
			args.addAll(List.of(extra.split("\\s+")));
		}
		return args;
	}

	/**
	 * Server CPU for one viewer of an MJPEG network camera (720p30, q80), its JPEGs
	 * passed through versus decoded, drawn on and encoded again (the overlay on: what
	 * every frame cost before pass-through).
	 */
	private void passThrough(MjpegFeeder feeder) throws Exception {
		double passed = oneViewerCpu(PASS_CAMERA);
		double drawn = oneViewerCpu(DRAWN_CAMERA);
		this.results.info("MJPEG camera source: mean frame KB", format(feeder.meanFrameBytes() / 1000, 1));
		this.results.info("MJPEG camera, 1 viewer, passed through: server CPU % of a core", format(passed, 1));
		this.results.info("MJPEG camera, 1 viewer, decoded + overlay + encoded: server CPU % of a core",
				format(drawn, 1));
		this.results.target("pass-through CPU / decode-and-encode CPU, MJPEG camera at 1 viewer",
				format(passed / drawn, 2), "<= 0.2", passed / drawn <= 0.2);
	}

	private double oneViewerCpu(String camera) throws Exception {
		log("Pass-through: 1 viewer of %s", camera);
		List<Viewer> viewers = this.pool.open(1, "/cameras/" + camera + "/stream.mjpg?token=" + BENCH_TOKEN, 0, 60_000);
		Thread.sleep(this.options.quick() ? 2000 : 15_000);
		CpuWindow cpu = CpuWindow.start(this.server, this.clientPid);
		this.pool.startWindow();
		Thread.sleep(this.options.windowSeconds() * 1000L);
		WindowFigures window = this.pool.endWindow(viewers).get(0);
		cpu.stop();
		String status = this.server.get("/cameras/" + camera + "/status");
		this.pool.closeViewers();
		this.results.info("MJPEG camera " + camera + ": viewer fps (min), status passThrough",
				format(Stats.min(window.fps()), 2) + ", " + status.contains("\"passThrough\":true"));
		// Wait for the camera to stop, so it costs nothing in what is measured next.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (!this.server.get("/cameras/" + camera + "/status").contains("\"IDLE\"")
				&& System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		return cpu.serverPercent();
	}

	/**
	 * JIT-compiles the server's streaming path before anything is measured: with fewer
	 * viewers than the 100 of the CPU target, C2 was still compiling (about 2 points of a
	 * core) during that window.
	 */
	private void warmUp() throws Exception {
		log("Warm-up: 100 viewers");
		this.pool.open(100, STREAM, 0, 60_000);
		Thread.sleep(this.options.quick() ? 1000 : 15_000);
		this.pool.closeViewers();
		// Let the server settle (warm-up threads leave, compilations finish): the
		// 1-viewer baseline measured
		// right after the warm-up read about 1.5 points of a core too high.
		Thread.sleep(this.options.quick() ? 1000 : 15_000);
	}

	/** N viewers at full speed; returns the server's CPU in % of one core. */
	private double load(int count) throws Exception {
		log("Load: %d viewers", count);
		List<Viewer> viewers = this.pool.open(count, STREAM, 0, 120_000);
		Thread.sleep(this.options.warmupSeconds() * 1000L);
		CpuWindow cpu = CpuWindow.start(this.server, this.clientPid);
		this.pool.startWindow();
		Thread.sleep(this.options.windowSeconds() * 1000L);
		WindowFigures window = this.pool.endWindow(viewers).get(0);
		cpu.stop();
		String status = this.server.get("/cameras/bench/status");
		long rss = this.server.rssKb();
		long heap = this.server.heapAfterGcKb();
		this.pool.closeViewers();
		if (window.failures() > 0) {
			throw new IllegalStateException(window.failures() + " of " + count + " streams broke");
		}
		double[] fps = window.fps();
		long[] latencies = window.latenciesMicros();
		this.results.load(count, cpu.serverPercent(), cpu.clientPercent(), Stats.min(fps), Stats.median(fps),
				Stats.percentile(latencies, 50) / 1000, Stats.percentile(latencies, 99) / 1000, rss / 1024.0,
				heap / 1024.0, window.bytesPerSecond() / 1e6, window.meanFrameBytes() / 1000);
		this.results.info("camera capture fps (server status) at " + count + " viewers", jsonNumber(status, "fps"));
		if (count == 100) {
			this.results.target("fps of every viewer at 100 viewers (min)", format(Stats.min(fps), 2), ">= 29.5",
					Stats.min(fps) >= 29.5);
			double p99 = Stats.percentile(latencies, 99) / 1000;
			this.results.target("latency p99 at 100 viewers, ms", format(p99, 1), "<= 33", p99 <= 33);
		}
		if (count == 500) {
			this.results.target("fps of every viewer at 500 viewers (min)", format(Stats.min(fps), 2), ">= 29",
					Stats.min(fps) >= 29);
		}
		Thread.sleep(1000);
		return cpu.serverPercent();
	}

	/**
	 * Every kind of client in consecutive batches: each batch opens right after the last
	 * one closed.
	 */
	private void clientKinds() throws Exception {
		ClientKinds clients = new ClientKinds(this.server.port(), STREAM, this.options.quick() ? 2 : 5);
		List<Integer> counts = this.options.quick() ? List.of(10) : List.of(50, 100);
		int batches = this.options.quick() ? 2 : 3;
		for (ClientKinds.Kind kind : clients.kinds()) {
			for (int count : counts) {
				double worstFps = Double.MAX_VALUE;
				double worstP99 = Double.NaN;
				for (int batch = 1; batch <= batches; batch++) {
					log("Client kind %s: %d viewers, batch %d", kind.name(), count, batch);
					WindowFigures window = clients.batch(kind, count);
					double[] fps = window.fps();
					long[] latencies = window.latenciesMicros();
					double p99 = (latencies.length > 0) ? Stats.percentile(latencies, 99) / 1000 : Double.NaN;
					this.results.batch(kind.name(), count, batch, Stats.min(fps), Stats.median(fps), p99,
							window.failures());
					worstFps = Math.min(worstFps, Stats.min(fps));
					worstP99 = Double.isNaN(worstP99) ? p99 : Math.max(worstP99, p99);
				}
				String figure = kind.name() + ", " + count + " viewers, every batch";
				this.results.target(figure + ": fps min", format(worstFps, 2), ">= 29.5", worstFps >= 29.5);
				if (!Double.isNaN(worstP99)) {
					this.results.target(figure + ": latency p99, ms", format(worstP99, 1), "<= 50", worstP99 <= 50);
				}
			}
		}
	}

	/** 5 viewers reading at 50 KB/s beside 50 normal ones. */
	private void slowViewers() throws Exception {
		log("Slow viewers: 5 at %d KB/s beside 50 normal", SLOW_BYTES_PER_SECOND / 1000);
		List<Viewer> normal = this.pool.open(50, STREAM, 0, 60_000);
		List<Viewer> slow = this.pool.open(5, STREAM, SLOW_BYTES_PER_SECOND, 60_000);
		// Long enough for every buffer between server and slow viewer to fill: the steady
		// state is measured.
		Thread.sleep(this.options.quick() ? 2000 : 8000);
		this.pool.startWindow();
		Thread.sleep(this.options.quick() ? 3000 : 15_000);
		List<WindowFigures> windows = this.pool.endWindow(normal, slow);
		String status = this.server.get("/cameras/bench/status");
		this.pool.closeViewers();
		WindowFigures normalWindow = windows.get(0);
		WindowFigures slowWindow = windows.get(1);
		long[] slowLatency = slowWindow.latenciesMicros();
		long[] slowStart = slowWindow.startLatenciesMicros();
		double slowP99 = Stats.percentile(slowLatency, 99) / 1000;
		this.results.target("slow viewers: latency p99 (capture to complete frame), ms", format(slowP99, 0), "<= 1000",
				slowP99 <= 1000);
		this.results.info("slow viewers: latency p50 (capture to complete frame), ms",
				format(Stats.percentile(slowLatency, 50) / 1000, 0));
		this.results.info("slow viewers: latency p50 / p99 (capture to first byte of the frame), ms",
				format(Stats.percentile(slowStart, 50) / 1000, 0) + " / "
						+ format(Stats.percentile(slowStart, 99) / 1000, 0));
		this.results.info("slow viewers: fps median / received KB/s median", format(Stats.median(slowWindow.fps()), 2)
				+ " / " + format(slowWindow.bytesPerSecond() / slowWindow.viewers().size() / 1000, 1));
		this.results.info("slow viewers: mean frame KB received / viewers on reduced frames (server status)",
				format(slowWindow.meanFrameBytes() / 1000, 1) + " / " + jsonNumber(status, "reducedViewers"));
		double normalMin = Stats.min(normalWindow.fps());
		this.results.target("slow viewers: normal viewers' fps (min)", format(normalMin, 2), ">= 29.5",
				normalMin >= 29.5);
		this.results.info("slow viewers: normal viewers' fps median / latency p99 ms",
				format(Stats.median(normalWindow.fps()), 2) + " / "
						+ format(Stats.percentile(normalWindow.latenciesMicros(), 99) / 1000, 1));
		Thread.sleep(1000);
	}

	/**
	 * Connect, read one frame, reset: many times, on a few threads; then compare the
	 * server with before.
	 */
	private void churn() throws Exception {
		int cycles = this.options.churnCycles();
		log("Churn: %d cycles", cycles);
		// One steady viewer keeps the camera running, so its capture thread is in both
		// counts.
		this.pool.open(1, STREAM, 0, 30_000);
		awaitSettled(Long.MAX_VALUE, Long.MAX_VALUE);
		long threadsBefore = this.server.threads();
		long fdsBefore = this.server.openFds();
		long heapBefore = this.server.heapAfterGcKb();
		long errorsBefore = this.server.errorLines();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		AtomicReference<String> firstFailure = new AtomicReference<>();
		long start = System.nanoTime();
		ExecutorService workers = Executors.newFixedThreadPool(8);
		for (int w = 0; w < 8; w++) {
			workers.execute(() -> {
				while (next.getAndIncrement() < cycles) {
					try {
						SingleFrameClient.firstFrameNanos(this.server.port(), STREAM);
					}
					catch (Exception ex) {
						failures.incrementAndGet();
						firstFailure.compareAndSet(null, ex.toString());
					}
				}
			});
		}
		workers.shutdown();
		if (!workers.awaitTermination(120, TimeUnit.SECONDS)) {
			workers.shutdownNow();
			throw new IllegalStateException("churn did not finish in 120 s");
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long settleStart = System.nanoTime();
		awaitSettled(threadsBefore + 5, fdsBefore + 5);
		double settle = (System.nanoTime() - settleStart) / 1e9;
		long threadsAfter = this.server.threads();
		long fdsAfter = this.server.openFds();
		long heapAfter = this.server.heapAfterGcKb();
		long errorsAfter = this.server.errorLines();
		this.pool.closeViewers();
		this.results.info("churn: cycles / failed / seconds",
				cycles + " / " + failures.get() + " / " + format(seconds, 1)
						+ ((firstFailure.get() != null) ? " (first failure: " + firstFailure.get() + ")" : ""));
		this.results.target("churn: server threads before → after", threadsBefore + " → " + threadsAfter, "± 5",
				Math.abs(threadsAfter - threadsBefore) <= 5);
		this.results.target("churn: open fds before → after", fdsBefore + " → " + fdsAfter, "± 5",
				Math.abs(fdsAfter - fdsBefore) <= 5);
		this.results.target("churn: heap after GC before → after, MB",
				format(heapBefore / 1024.0, 1) + " → " + format(heapAfter / 1024.0, 1), "± 10 %",
				Math.abs(heapAfter - heapBefore) <= heapBefore * 0.10);
		this.results.target("churn: ERROR lines logged during churn", Long.toString(errorsAfter - errorsBefore), "0",
				errorsAfter == errorsBefore);
		this.results.info("churn: seconds until threads and fds settled (stream thread keep-alive 2 s)",
				format(settle, 1));
		if (failures.get() > cycles / 100) {
			throw new IllegalStateException(failures.get() + " churn cycles failed: " + firstFailure.get());
		}
	}

	/**
	 * Waits until threads and fds are at most the given counts and stopped changing, 30 s
	 * at most.
	 */
	private void awaitSettled(long maxThreads, long maxFds) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		long lastThreads = -1;
		int steady = 0;
		while (System.nanoTime() < deadline) {
			long threads = this.server.threads();
			long fds = this.server.openFds();
			steady = (threads == lastThreads) ? steady + 1 : 0;
			lastThreads = threads;
			if (threads <= maxThreads && fds <= maxFds && steady >= 3) {
				return;
			}
			Thread.sleep(500);
		}
	}

	/** Connect to first complete frame, camera running and camera idle. */
	private void firstFrame() throws Exception {
		log("First frame: running camera, %d samples", this.options.firstFrameSamples());
		this.pool.open(1, STREAM, 0, 30_000);
		double[] running = new double[this.options.firstFrameSamples()];
		for (int i = 0; i < running.length; i++) {
			running[i] = SingleFrameClient.firstFrameNanos(this.server.port(), STREAM) / 1e6;
			Thread.sleep(50);
		}
		this.pool.closeViewers();
		log("First frame: idle camera, %d samples", this.options.idleSamples());
		double[] idle = new double[this.options.idleSamples()];
		for (int i = 0; i < idle.length; i++) {
			awaitIdle();
			idle[i] = SingleFrameClient.firstFrameNanos(this.server.port(), IDLE_STREAM) / 1e6;
		}
		double runningMedian = Stats.median(running);
		double idleMedian = Stats.median(idle);
		this.results.target("first frame, camera running: median (max) ms",
				format(runningMedian, 1) + " (" + format(Stats.max(running), 1) + ")", "<= 100", runningMedian <= 100);
		this.results.target("first frame, camera idle (test pattern): median (max) ms",
				format(idleMedian, 0) + " (" + format(Stats.max(idle), 0) + ")", "<= 1500", idleMedian <= 1500);
	}

	private void awaitIdle() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!this.server.get("/cameras/idle/status").contains("\"state\":\"IDLE\"")) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("camera 'idle' did not go idle within 20 s");
			}
			Thread.sleep(100);
		}
	}

	/**
	 * The 1-viewer baseline is mostly one 1280x720 JPEG encode per frame: the server's
	 * own timer says how much.
	 */
	private void encodeCost() throws Exception {
		String metric = this.server.get("/actuator/metrics/camdash.camera.encode?tag=camera:bench");
		double count = statistic(metric, "COUNT");
		double total = statistic(metric, "TOTAL_TIME");
		if (count > 0) {
			double meanMillis = total / count * 1000;
			this.results.info("JPEG encode 1280x720 q80, mean ms (server timer) / % of a core at 30 fps",
					format(meanMillis, 2) + " / " + format(meanMillis * 30 / 10, 1));
		}
		// Made only while some viewer gets reduced frames: in this run, during the
		// slow-viewers scenario.
		String reduced = this.server.get("/actuator/metrics/camdash.camera.reduced.encode?tag=camera:bench");
		double reducedCount = statistic(reduced, "COUNT");
		if (reducedCount > 0) {
			this.results.info("reduced frames (scale + encode 640x360 q50), count / mean ms (server timer)",
					format(reducedCount, 0) + " / "
							+ format(statistic(reduced, "TOTAL_TIME") / reducedCount * 1000, 2));
		}
	}

	static double statistic(String json, String name) {
		Matcher m = Pattern.compile("\"statistic\":\"" + name + "\",\"value\":([0-9.E-]+)").matcher(json);
		return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
	}

	private static String jsonNumber(String json, String name) {
		Matcher m = JSON_NUMBER.matcher(json);
		while (m.find()) {
			if (m.group(1).equals(name)) {
				return m.group(2);
			}
		}
		return "?";
	}

	private String report(double seconds) throws Exception {
		String cpuModel = Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((line) -> line.startsWith("model name"))
			.findFirst()
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.orElse("unknown CPU");
		return "Streaming benchmark" + (this.options.quick() ? " (QUICK smoke run: too short to quote)" : "") + ", "
				+ ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n" + "Machine: "
				+ Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel + ", Java "
				+ System.getProperty("java.version") + ", run took " + format(seconds, 0) + " s; windows of "
				+ this.options.windowSeconds() + " s after " + this.options.warmupSeconds()
				+ " s warm-up each, after a first warm-up with 100 viewers and a pause to settle\n\n"
				+ this.results.markdown() + "\n" + this.results.misses() + " target(s) missed\n";
	}

	static String format(double value, int decimals) {
		return String.format("%." + decimals + "f", value);
	}

	private static void log(String format, Object... args) {
		System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
	}

}
