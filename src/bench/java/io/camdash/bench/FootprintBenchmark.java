package io.camdash.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The footprint benchmark of issue 19 (a Raspberry Pi with 1 to 2 GB): for each set of
 * JVM options, the time from {@code java -jar} to camdash's first HTTP answer, then the
 * server's RSS and CPU with one 1280x720 30 fps camera and 10 viewers. Prints a table and
 * writes it to {@code target/bench/footprint.md}. Run by {@code ./mvnw -Pbench verify}
 * after the streaming benchmark; {@code -Dbench.quick=true} tries one option set only.
 */
public final class FootprintBenchmark {

	private static final String TOKEN = "footprint-token-0123456789abcdef";

	private FootprintBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options = BenchOptions.fromSystemProperties();
		Path video = options.out().resolve("footprint-720p30.avi");
		BenchVideo.generate(video, options.quick() ? 2 : 5);
		List<List<String>> optionSets = options.quick() ? List.of(List.of("-XX:+UseSerialGC", "-Xmx128m"))
				: List.of(List.of(), List.of("-XX:+UseSerialGC"), List.of("-XX:+UseSerialGC", "-Xmx128m"),
						List.of("-XX:+UseSerialGC", "-Xmx128m", "-Xss512k", "-XX:TieredStopAtLevel=1"),
						List.of("-XX:+UseSerialGC", "-Xmx128m", "-Xss512k", "-XX:TieredStopAtLevel=1",
								"-XX:ReservedCodeCacheSize=32m", "-XX:MaxMetaspaceSize=128m",
								"-XX:MaxDirectMemorySize=64m"));
		StringBuilder table = new StringBuilder("| JVM options | start-up to first HTTP answer, s "
				+ "| RSS, 10 viewers, MB | server CPU % of a core | viewer fps (min) |\n|---|---:|---:|---:|---:|\n");
		for (List<String> jvmArgs : optionSets) {
			table.append(measure(options, video, jvmArgs)).append('\n');
			System.out.println(table);
		}
		String report = "Footprint benchmark: one 1280x720 30 fps camera (a video file, overlay off, JPEG q80), "
				+ "10 viewers, RSS after " + settleSeconds(options) + " s of streaming; Java "
				+ System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores.\n\n"
				+ table;
		Files.writeString(options.out().resolve("footprint.md"), report);
		System.out.println(report);
		System.exit(0);
	}

	private static int settleSeconds(BenchOptions options) {
		return options.quick() ? 3 : 20;
	}

	private static String measure(BenchOptions options, Path video, List<String> jvmArgs) throws Exception {
		Path out = options.out().resolve("footprint");
		long started = System.nanoTime();
		try (ServerProcess server = ServerProcess.start(options.jar(), jvmArgs, appArgs(video, out),
				out.resolve("server.log"))) {
			double startup = (System.nanoTime() - started) / 1e9;
			try (ViewerPool pool = new ViewerPool(server.port(), 1)) {
				List<Viewer> viewers = pool.open(10, "/cameras/bench/stream.mjpg?token=" + TOKEN, 0, 60_000);
				Thread.sleep(settleSeconds(options) * 1000L);
				double cpuStart = server.cpuSeconds();
				long windowStart = System.nanoTime();
				pool.startWindow();
				Thread.sleep(options.windowSeconds() * 1000L);
				WindowFigures window = pool.endWindow(viewers).get(0);
				double cpu = (server.cpuSeconds() - cpuStart) / ((System.nanoTime() - windowStart) / 1e9) * 100;
				long rss = server.rssKb();
				pool.closeViewers();
				return "| " + (jvmArgs.isEmpty() ? "(defaults)" : "`" + String.join(" ", jvmArgs) + "`") + " | "
						+ StreamingBenchmark.format(startup, 1) + " | " + StreamingBenchmark.format(rss / 1024.0, 0)
						+ " | " + StreamingBenchmark.format(cpu, 1) + " | "
						+ StreamingBenchmark.format(Stats.min(window.fps()), 2) + " |";
			}
		}
	}

	private static List<String> appArgs(Path video, Path out) {
		return new ArrayList<>(List.of("--camdash.cameras[0].id=bench",
				"--camdash.cameras[0].source=file:" + video.toAbsolutePath(), "--camdash.cameras[0].width=1280",
				"--camdash.cameras[0].height=720", "--camdash.cameras[0].fps=30", "--camdash.cameras[0].overlay=false",
				"--camdash.security.data-folder=" + out.resolve("data"),
				"--camdash.security.admin-password=" + ServerProcess.ADMIN_PASSWORD,
				"--camdash.security.camera-tokens.bench=" + TOKEN,
				"--camdash.pictures.folder=" + out.resolve("pictures"),
				"--camdash.pictures.thumbnail-cache=" + out.resolve("thumbnails"),
				"--camdash.notes.folder=" + out.resolve("notes")));
	}

}
