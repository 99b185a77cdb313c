package io.camdash.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The footprint benchmark of issue 19 (a Raspberry Pi with 1 to 2 GB): for each way of
 * running the jar (JVM options, environment, the extracted jar with a class data sharing
 * archive, or on Java 25 with an AOT cache), the time from {@code java} to camdash's
 * first healthy HTTP answer, as the median of a few starts with the CPU time spent until
 * then (all threads, and the main thread's) and the load average, then the server's RSS,
 * threads and CPU with one 1280x720 30 fps camera and 10 viewers. Prints a table and
 * writes it to {@code target/bench/footprint.md}. Run by {@code ./mvnw -Pbench verify}
 * after the streaming benchmark; {@code -Dbench.quick=true} tries the recommended setup
 * and the AOT cache only, {@code -Dbench.starts=N} sets the number of starts (3),
 * {@code -Dbench.java25=<JDK folder>} the Java 25 to try (Temurin's under /usr/lib/jvm;
 * skipped when absent).
 */
public final class FootprintBenchmark {

	private static final String TOKEN = "footprint-token-0123456789abcdef";

	/** The JVM options the systemd unit had before this benchmark's second round. */
	private static final List<String> OLD_UNIT_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx128m", "-Xss512k",
			"-XX:TieredStopAtLevel=1");

	/**
	 * The JVM options of the systemd unit before Spring's AOT processing: a young
	 * generation of 16 MB keeps the heap's touched pages near the live set.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx128m", "-Xmn16m", "-Xss512k",
			"-XX:TieredStopAtLevel=1");

	/**
	 * The JVM options of the systemd unit (docs/camdash.service): the same, and the
	 * application context the build worked out ahead of time.
	 */
	private static final List<String> UNIT_OPTIONS = Stream
		.concat(JVM_OPTIONS.stream(), Stream.of("-Dspring.aot.enabled=true"))
		.toList();

	/** glibc's malloc keeps an arena per thread that allocates: OpenCV and FFmpeg do. */
	private static final Map<String, String> FEW_ARENAS = Map.of("MALLOC_ARENA_MAX", "2");

	private FootprintBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options = BenchOptions.fromSystemProperties();
		Path video = options.out().resolve("footprint-720p30.avi");
		BenchVideo.generate(video, options.quick() ? 2 : 5);
		Setup recommended = Setup.of(UNIT_OPTIONS, FEW_ARENAS, Cache.CDS);
		List<Setup> setups = new ArrayList<>(options.quick() ? List.of(recommended)
				: List.of(Setup.of(OLD_UNIT_OPTIONS, Map.of(), Cache.NONE),
						Setup.of(JVM_OPTIONS, FEW_ARENAS, Cache.NONE), Setup.of(JVM_OPTIONS, FEW_ARENAS, Cache.CDS),
						recommended));
		Path java25 = Path.of(System.getProperty("bench.java25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
		if (Files.isExecutable(java25.resolve("bin").resolve("java"))) {
			setups.add(Setup.of(UNIT_OPTIONS, FEW_ARENAS, Cache.AOT).on(java25));
		}
		int starts = Integer.getInteger("bench.starts", options.quick() ? 1 : 3);
		StringBuilder table = new StringBuilder("| how camdash runs | start-up to first HTTP answer, s "
				+ "(median, range) | CPU until then, s (median): all threads, main thread | load average "
				+ "| RSS, 10 viewers, MB | threads | server CPU % of a core | viewer fps (min) |\n"
				+ "|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Setup setup : setups) {
			table.append(measure(options, video, setup, (setup.cache() != Cache.NONE) ? starts : 1)).append('\n');
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

	private static String measure(BenchOptions options, Path video, Setup setup, int starts) throws Exception {
		Path out = options.out().resolve("footprint");
		Path jar = options.jar();
		List<String> jvmArgs = new ArrayList<>(setup.jvmArgs());
		if (setup.cache() != Cache.NONE) {
			Path folder = options.out().resolve("footprint-" + setup.cache().name().toLowerCase(Locale.ROOT));
			jar = extract(setup, options.jar(), folder);
			Path archive = folder.resolve((setup.cache() == Cache.CDS) ? "camdash.jsa" : "camdash.aot");
			train(jar, setup, archive, appArgs(video, out));
			jvmArgs.add(((setup.cache() == Cache.CDS) ? "-XX:SharedArchiveFile=" : "-XX:AOTCache=") + archive);
		}
		double[] startup = new double[starts];
		double[] cpu = new double[starts];
		double[] mainCpu = new double[starts];
		double[] load = new double[starts];
		for (int i = 0; i < starts; i++) {
			load[i] = loadAverage();
			long started = System.nanoTime();
			ServerProcess server = ServerProcess.start(setup.javaHome(), jar, jvmArgs, setup.env(), appArgs(video, out),
					out.resolve("server.log"));
			startup[i] = (System.nanoTime() - started) / 1e9;
			cpu[i] = server.cpuSeconds();
			mainCpu[i] = server.mainThreadCpuSeconds();
			load[i] = Math.max(load[i], loadAverage());
			if (i < starts - 1) {
				server.close();
				continue;
			}
			try (server) {
				return "| " + setup.label() + " | " + StreamingBenchmark.format(Stats.median(startup), 1) + " ("
						+ starts
						+ ((starts == 1) ? " start"
								: " starts: " + StreamingBenchmark.format(Stats.min(startup), 1) + "–"
										+ StreamingBenchmark.format(Stats.max(startup), 1))
						+ ") | " + StreamingBenchmark.format(Stats.median(cpu), 1) + ", "
						+ StreamingBenchmark.format(Stats.median(mainCpu), 1) + " | "
						+ StreamingBenchmark.format(Stats.min(load), 1) + "–"
						+ StreamingBenchmark.format(Stats.max(load), 1) + " | " + streaming(options, server);
			}
		}
		throw new IllegalArgumentException("bench.starts must be at least 1");
	}

	/** RSS, threads, CPU and the slowest viewer's rate with 10 viewers. */
	private static String streaming(BenchOptions options, ServerProcess server) throws Exception {
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
			return StreamingBenchmark.format(rss / 1024.0, 0) + " | " + threads + " | "
					+ StreamingBenchmark.format(cpu, 1) + " | " + StreamingBenchmark.format(Stats.min(window.fps()), 2)
					+ " |";
		}
	}

	/** The machine's load average over the last minute. */
	private static double loadAverage() throws IOException {
		return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
	}

	/** Extracts the jar as Spring Boot lays it out for CDS; the extracted jar. */
	private static Path extract(Setup setup, Path jar, Path folder) throws Exception {
		if (Files.exists(folder)) {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
		Files.createDirectories(folder);
		run(List.of(java(setup), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
				folder.resolve("app").toString()), folder.resolve("extract.log"));
		return folder.resolve("app").resolve(jar.getFileName());
	}

	/**
	 * The training run: starts camdash, which answers itself a first visit and exits
	 * (io.camdash.training.TrainingRun), dumping its classes (CDS) or its classes,
	 * linked, and the profiles of its methods (AOT cache).
	 */
	private static void train(Path jar, Setup setup, Path archive, List<String> appArgs) throws Exception {
		List<String> command = new ArrayList<>(List.of(java(setup)));
		command.addAll(setup.jvmArgs());
		command.addAll(
				List.of(((setup.cache() == Cache.CDS) ? "-XX:ArchiveClassesAtExit=" : "-XX:AOTCacheOutput=") + archive,
						"-jar", jar.toString(), "--server.port=0", "--server.address=127.0.0.1"));
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

	private static String java(Setup setup) {
		return setup.javaHome().resolve("bin").resolve("java").toString();
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

	/** What a training run makes for the extracted jar, if anything. */
	private enum Cache {

		/** The jar as built, no training run. */
		NONE,

		/** An application class data sharing archive ({@code -XX:SharedArchiveFile}). */
		CDS,

		/** Java 25's AOT cache ({@code -XX:AOTCache}, JEP 483, 514 and 515). */
		AOT

	}

	/**
	 * One way of running the jar.
	 *
	 * @param label what the table calls it
	 * @param javaHome the JDK that runs it
	 * @param jvmArgs JVM options
	 * @param env environment variables added
	 * @param cache whether it runs from the extracted jar with what a training run made
	 */
	private record Setup(String label, Path javaHome, List<String> jvmArgs, Map<String, String> env, Cache cache) {

		static Setup of(List<String> jvmArgs, Map<String, String> env, Cache cache) {
			StringBuilder label = new StringBuilder();
			env.forEach((name, value) -> label.append("`").append(name).append("=").append(value).append("` "));
			label.append("`java ").append(String.join(" ", jvmArgs));
			label.append(switch (cache) {
				case NONE -> " -jar camdash.jar`";
				case CDS -> " -XX:SharedArchiveFile=camdash.jsa -jar app/camdash.jar` (extracted, CDS)";
				case AOT -> " -XX:AOTCache=camdash.aot -jar app/camdash.jar` (extracted, AOT cache)";
			});
			return new Setup(label.toString(), Path.of(System.getProperty("java.home")), jvmArgs, env, cache);
		}

		/** The same run by another JDK, named in the label. */
		Setup on(Path otherJavaHome) {
			return new Setup(this.label + ", " + otherJavaHome.getFileName(), otherJavaHome, this.jvmArgs, this.env,
					this.cache);
		}

	}

}
