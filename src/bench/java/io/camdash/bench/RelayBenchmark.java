package io.camdash.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.camdash.support.NginxRtmp;

/**
 * The relay benchmark of issues 13 and 18, on a camera whose video is already H.264 (the
 * benchmark source encoded by ffmpeg's libx264 and played as a file, so camdash passes
 * its packets through):
 * <ul>
 * <li>server CPU at 1 and 100 H.264 viewers against 100 MJPEG viewers of the same camera,
 * and the decodes and encodes while only H.264 viewers watch;</li>
 * <li>the same camera published to a real nginx with the RTMP module, whose HLS is read
 * by N ffmpeg viewers: camdash's CPU while publishing, flat as N grows.</li>
 * </ul>
 * Prints figures against targets and never asserts them; it fails only when it cannot
 * measure. A little over the usual length: two camdash processes and an nginx, each
 * scenario next to its helper.
 */
public final class RelayBenchmark {

	private final BenchOptions options;

	private final ResultsTable results = new ResultsTable();

	private RelayBenchmark(BenchOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		new RelayBenchmark(BenchOptions.fromSystemProperties()).run();
		System.exit(0);
	}

	private void run() throws Exception {
		long started = System.nanoTime();
		Path out = this.options.out();
		Path video = h264Source(out);
		double mjpegMany = passthrough(video, out);
		publish(video, out, mjpegMany);
		String report = "Relay benchmark (H.264 camera passed through, published to nginx)"
				+ (this.options.quick() ? " (QUICK smoke run: too short to quote)" : "") + ", "
				+ ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ", run took "
				+ StreamingBenchmark.format((System.nanoTime() - started) / 1e9, 0) + " s; windows of "
				+ this.options.windowSeconds() + " s after " + this.options.warmupSeconds() + " s warm-up each\n\n"
				+ this.results.markdown() + "\n" + this.results.misses() + " target(s) missed\n";
		System.out.println();
		System.out.println(report);
		Files.writeString(out.resolve("results-relay.md"), report);
		LiveBenchmark.log("Results also in %s", out.resolve("results-relay.md"));
	}

	/**
	 * The benchmark source as H.264 (High profile, a keyframe a second, no B-frames, as
	 * an IP camera sends), made by the ffmpeg the test set-up installs.
	 */
	private Path h264Source(Path out) throws Exception {
		Path avi = out.resolve("source-720p30.avi");
		if (!Files.exists(avi)) {
			LiveBenchmark.log("Generating %s", avi);
			BenchVideo.generate(avi, this.options.quick() ? 2 : 5);
		}
		Path mp4 = out.resolve("source-720p30-h264.mp4");
		if (!Files.exists(mp4)) {
			LiveBenchmark.log("Encoding %s", mp4);
			Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i",
					avi.toString(), "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-g", "30", "-bf",
					"0", "-b:v", "3M", "-maxrate", "3M", "-bufsize", "6M", "-pix_fmt", "yuv420p", mp4.toString())
				.inheritIO()
				.start();
			if (ffmpeg.waitFor() != 0) {
				throw new IllegalStateException("ffmpeg could not encode the H.264 benchmark source");
			}
		}
		return mp4;
	}

	/**
	 * H.264 viewers of a passed-through camera against MJPEG ones; returns MJPEG CPU at
	 * N.
	 */
	private double passthrough(Path video, Path out) throws Exception {
		Path serverLog = out.resolve("server-relay.log");
		LiveBenchmark.log("Starting camdash with the H.264 camera, log in %s", serverLog);
		try (ServerProcess server = ServerProcess.start(this.options.jar(), List.of("-Xms256m", "-Xmx1g"),
				StreamingBenchmark.appArgs(video, out.resolve("relay")), serverLog);
				ViewerPool mjpeg = new ViewerPool(server.port(), this.options.clientThreads())) {
			LiveClients live = new LiveClients(server, LiveBenchmark.LIVE);
			LiveBenchmark.warmUp(live, mjpeg, this.options.quick());
			int many = this.options.quick() ? 10 : 100;
			double mjpegOne = LiveBenchmark.mjpegLoad(server, mjpeg, 1, this.options)[0];
			double mjpegMany = LiveBenchmark.mjpegLoad(server, mjpeg, many, this.options)[0];
			double one = passedThrough(server, live, 1).cpu().serverPercent();
			LiveClients.Window manyWindow = passedThrough(server, live, many);
			double hundred = manyWindow.cpu().serverPercent();
			this.results.target(
					"passthrough camera: server CPU at " + many + " H.264 / " + many + " MJPEG viewers, % of a core",
					StreamingBenchmark.format(hundred, 1) + " / " + StreamingBenchmark.format(mjpegMany, 1),
					"H.264 <= MJPEG", hundred <= mjpegMany);
			this.results.target("passthrough camera: H.264 CPU(" + many + ") / CPU(1)",
					StreamingBenchmark.format(hundred / one, 2), "<= 1.5", hundred / one <= 1.5);
			this.results.info("passthrough camera: server CPU at 1 H.264 / 1 MJPEG viewer, % of a core",
					StreamingBenchmark.format(one, 1) + " / " + StreamingBenchmark.format(mjpegOne, 1));
			sendingFloor(one, many, (int) (manyWindow.kbPerFrame() * 1000));
			long errors = server.errorLines();
			this.results.target("ERROR lines in the server log (passthrough)", Long.toString(errors), "0", errors == 0);
			return mjpegMany;
		}
	}

	/**
	 * What the ratio could be at best: a bare writer's CPU sending messages of the
	 * fragments' size to 1 and N sockets, one write per frame each, added to camdash's
	 * CPU at one viewer.
	 */
	private void sendingFloor(double one, int many, int fragmentBytes) throws Exception {
		LiveBenchmark.log("Bare loopback writer: 1 and %d sockets, %d bytes a message, 30 a second", many,
				fragmentBytes);
		double floorOne = LoopbackWriteFloor.measure(1, fragmentBytes, 30, this.options.windowSeconds());
		double floorMany = LoopbackWriteFloor.measure(many, fragmentBytes, 30, this.options.windowSeconds());
		this.results.info(
				"bare loopback writer, one " + fragmentBytes + "-byte write per frame per socket: CPU at 1 / " + many
						+ " sockets, % of a core",
				StreamingBenchmark.format(floorOne, 1) + " / " + StreamingBenchmark.format(floorMany, 1));
		this.results.info("lowest CPU(" + many + ") / CPU(1) sending each frame to each viewer as its own write",
				StreamingBenchmark.format((one + floorMany - floorOne) / one, 2));
	}

	/** N H.264 viewers of the passed-through camera; returns the measured window. */
	private LiveClients.Window passedThrough(ServerProcess server, LiveClients live, int count) throws Exception {
		LiveBenchmark.log("H.264 (passed through): %d viewers", count);
		List<LiveWsViewer> viewers = live.open(count, 0);
		Thread.sleep(this.options.warmupSeconds() * 1000L);
		double[] before = counters(server);
		LiveClients.Window window = live.measure(viewers, this.options.windowSeconds());
		double[] after = counters(server);
		live.closeAll();
		double passed = after[0] - before[0];
		double decoded = after[1] - before[1];
		double encoded = after[2] - before[2];
		this.results.target("passthrough camera, " + count + " H.264 viewers: packets decoded / frames encoded",
				StreamingBenchmark.format(decoded, 0) + " / " + StreamingBenchmark.format(encoded, 0), "0 / 0",
				decoded == 0 && encoded == 0 && passed > 0);
		this.results.target("passthrough camera, " + count + " H.264 viewers: fps min",
				StreamingBenchmark.format(Stats.min(window.fps()), 2), ">= 29.5", Stats.min(window.fps()) >= 29.5);
		this.results.info("passthrough camera, " + count + " H.264 viewers: latency p50 / p99 ms, KB/s per viewer",
				StreamingBenchmark.format(Stats.percentile(window.latenciesMicros(), 50) / 1000, 1) + " / "
						+ StreamingBenchmark.format(Stats.percentile(window.latenciesMicros(), 99) / 1000, 1) + ", "
						+ StreamingBenchmark.format(window.bytesPerViewer() / 1000, 1));
		Thread.sleep(1000);
		return window;
	}

	/** Frames passed through, packets decoded, frames encoded, so far. */
	private static double[] counters(ServerProcess server) throws Exception {
		return new double[] { server.benchCounter("camdash.camera.h264.frames.passed"),
				server.benchCounter("camdash.camera.packets.decoded"),
				server.benchCounter("camdash.camera.h264.frames.encoded") };
	}

	/**
	 * The camera published to nginx (RTMP in, HLS out): camdash's CPU with no viewer of
	 * its own, then while N ffmpeg processes read nginx's HLS.
	 */
	private void publish(Path video, Path out, double mjpegMany) throws Exception {
		try (NginxRtmp nginx = NginxRtmp.start(out.resolve("nginx"), true)) {
			List<String> args = new ArrayList<>(StreamingBenchmark.appArgs(video, out.resolve("publish")));
			args.add("--camdash.cameras[0].publish[0]=" + nginx.url("bench"));
			Path serverLog = out.resolve("server-publish.log");
			LiveBenchmark.log("Starting camdash publishing to nginx on port %d, log in %s", nginx.port(), serverLog);
			try (ServerProcess server = ServerProcess.start(this.options.jar(), List.of("-Xms256m", "-Xmx1g"), args,
					serverLog)) {
				awaitPlaylist(nginx.hlsUrl("bench"));
				Thread.sleep(this.options.quick() ? 1000 : 10_000);
				List<Integer> counts = this.options.quick() ? List.of(0, 5) : List.of(0, 10, 50);
				double[] camdash = new double[counts.size()];
				for (int i = 0; i < counts.size(); i++) {
					camdash[i] = hlsViewers(server, nginx, counts.get(i));
				}
				int most = counts.get(counts.size() - 1);
				double growth = camdash[camdash.length - 1] - camdash[0];
				this.results.target(
						"publishing: camdash CPU with 1 publish target / with " + mjpegManyLabel()
								+ " MJPEG viewers, % of a core",
						StreamingBenchmark.format(camdash[0], 1) + " / " + StreamingBenchmark.format(mjpegMany, 1),
						"publish < MJPEG", camdash[0] < mjpegMany);
				this.results.target(
						"publishing: camdash CPU with " + most + " HLS viewers of nginx minus with none, "
								+ "points of a core",
						StreamingBenchmark.format(growth, 1), "<= 2 (noise)", growth <= 2);
				long errors = server.errorLines();
				this.results.target("ERROR lines in the server log (publishing)", Long.toString(errors), "0",
						errors == 0);
			}
		}
	}

	private String mjpegManyLabel() {
		return this.options.quick() ? "10" : "100";
	}

	/** N ffmpeg processes reading nginx's HLS; returns camdash's CPU % meanwhile. */
	private double hlsViewers(ServerProcess server, NginxRtmp nginx, int count) throws Exception {
		LiveBenchmark.log("Publishing, %d HLS viewers of nginx", count);
		List<FfmpegViewer> viewers = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				viewers.add(new FfmpegViewer(new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-loglevel",
						"error", "-stats_period", "0.2", "-progress", "pipe:1", "-i", nginx.hlsUrl("bench"), "-c",
						"copy", "-f", "null", "-")
					.redirectError(ProcessBuilder.Redirect.DISCARD)
					.start()));
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			for (FfmpegViewer viewer : viewers) {
				while (viewer.frames() == 0) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("an HLS viewer got no frame from nginx within 60 s");
					}
					Thread.sleep(50);
				}
			}
			Thread.sleep(this.options.warmupSeconds() * 1000L);
			CpuWindow cpu = CpuWindow.start(server, ProcessHandle.current().pid());
			double nginxBefore = ProcStats.cpuSeconds(nginx.pid());
			long startNanos = System.nanoTime();
			viewers.forEach(FfmpegViewer::startWindow);
			Thread.sleep(this.options.windowSeconds() * 1000L);
			double[] fps = viewers.stream()
				.map(FfmpegViewer::endWindow)
				.mapToDouble((v) -> v.frames() / v.seconds())
				.toArray();
			cpu.stop();
			double nginxPercent = (ProcStats.cpuSeconds(nginx.pid()) - nginxBefore)
					/ ((System.nanoTime() - startNanos) / 1e9) * 100;
			this.results.info(
					"publishing, " + count + " HLS viewers: camdash / nginx CPU, % of a core"
							+ ((count > 0) ? "; viewers' fps median" : ""),
					StreamingBenchmark.format(cpu.serverPercent(), 1) + " / "
							+ StreamingBenchmark.format(nginxPercent, 1)
							+ ((count > 0) ? "; " + StreamingBenchmark.format(Stats.median(fps), 1) : ""));
			return cpu.serverPercent();
		}
		finally {
			for (FfmpegViewer viewer : viewers) {
				viewer.close();
			}
		}
	}

	/** Waits until nginx serves the stream's HLS playlist, that is, camdash publishes. */
	private static void awaitPlaylist(String url) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() == 200) {
				return;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("nginx served no HLS playlist of camdash's publish within 60 s: " + url);
	}

}
