package io.camdash.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The footprint benchmark of issue 19 (a Raspberry Pi with 1 to 2 GB): for each way of
 * running the jar (JVM options, environment, a class data sharing archive), the time from
 * {@code java -jar} to camdash's first HTTP answer, then the server's RSS, threads and
 * CPU with one 1280x720 30 fps camera and 10 viewers. Prints a table and writes it to
 * {@code target/bench/footprint.md}. Run by {@code ./mvnw -Pbench verify} after the
 * streaming benchmark; {@code -Dbench.quick=true} tries one setup only.
 */
public final class FootprintBenchmark {

	private static final String TOKEN = "footprint-token-0123456789abcdef";

	/** The JVM options of the systemd unit (docs/camdash.service). */
	private static final List<String> UNIT_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx128m", "-Xss512k",
			"-XX:TieredStopAtLevel=1");

	/** glibc's malloc keeps an arena per thread that allocates: OpenCV and FFmpeg do. */
	private static final Map<String, String> FEW_ARENAS = Map.of("MALLOC_ARENA_MAX", "2");

	private FootprintBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options = BenchOptions.fromSystemProperties();
		Path video = options.out().resolve("footprint-720p30.avi");
		BenchVideo.generate(video, options.quick() ? 2 : 5);
		List<Setup> setups = options.quick() ? List.of(Setup.of(UNIT_OPTIONS, FEW_ARENAS, false))
				: List.of(Setup.of(UNIT_OPTIONS, Map.of(), false), Setup.of(UNIT_OPTIONS, FEW_ARENAS, false),
						Setup.of(UNIT_OPTIONS, FEW_ARENAS, true));
		StringBuilder table = new StringBuilder("| JVM options | start-up to first HTTP answer, s "
				+ "| RSS, 10 viewers, MB | threads | server CPU % of a core | viewer fps (min) |\n"
				+ "|---|---:|---:|---:|---:|---:|\n");
		for (Setup setup : setups) {
			table.append(measure(options, video, setup)).append('\n');
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

	private static String measure(BenchOptions options, Path video, Setup setup) throws Exception {
		Path out = options.out().resolve("footprint");
		Path jar = options.jar();
		List<String> jvmArgs = new ArrayList<>(setup.jvmArgs());
		if (setup.cds()) {
			Path cds = options.out().resolve("footprint-cds");
			jar = extract(options.jar(), cds);
			Path archive = cds.resolve("camdash.jsa");
			train(jar, setup, archive, appArgs(video, out));
			jvmArgs.add("-XX:SharedArchiveFile=" + archive);
		}
		long started = System.nanoTime();
		try (ServerProcess server = ServerProcess.start(jar, jvmArgs, setup.env(), appArgs(video, out),
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
				long threads = server.threads();
				pool.closeViewers();
				return "| " + setup.label() + " | " + StreamingBenchmark.format(startup, 1) + " | "
						+ StreamingBenchmark.format(rss / 1024.0, 0) + " | " + threads + " | "
						+ StreamingBenchmark.format(cpu, 1) + " | "
						+ StreamingBenchmark.format(Stats.min(window.fps()), 2) + " |";
			}
		}
	}

	/** Extracts the jar as Spring Boot lays it out for CDS; the extracted jar. */
	private static Path extract(Path jar, Path folder) throws Exception {
		if (Files.exists(folder)) {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
		Files.createDirectories(folder);
		run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
				folder.resolve("app").toString()), folder.resolve("extract.log"));
		return folder.resolve("app").resolve(jar.getFileName());
	}

	/**
	 * The training run: starts camdash, which exits once started, dumping its classes.
	 */
	private static void train(Path jar, Setup setup, Path archive, List<String> appArgs) throws Exception {
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(setup.jvmArgs());
		command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
				jar.toString(), "--server.port=0", "--server.address=127.0.0.1"));
		command.addAll(appArgs);
		run(command, archive.resolveSibling("training.log"));
		if (!Files.isRegularFile(archive)) {
			throw new IllegalStateException("the training run made no archive; see " + archive.getParent());
		}
	}

	private static void run(List<String> command, Path log) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("did not end within 5 minutes: " + command + "; see " + log);
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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

	/**
	 * One way of running the jar.
	 *
	 * @param label what the table calls it
	 * @param jvmArgs JVM options
	 * @param env environment variables added
	 * @param cds whether it runs from the extracted jar with an application class data
	 * sharing archive made by a training run
	 */
	private record Setup(String label, List<String> jvmArgs, Map<String, String> env, boolean cds) {

		static Setup of(List<String> jvmArgs, Map<String, String> env, boolean cds) {
			StringBuilder label = new StringBuilder(jvmArgs.isEmpty() ? "(defaults)" : "`" + String.join(" ", jvmArgs));
			env.forEach((name, value) -> label.append(" ").append(name).append("=").append(value));
			label.append(jvmArgs.isEmpty() ? "" : "`").append(cds ? " + CDS archive" : "");
			return new Setup(label.toString(), jvmArgs, env, cds);
		}

	}

}
