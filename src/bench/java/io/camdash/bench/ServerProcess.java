package io.camdash.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * camdash running as its own JVM, so that its CPU time, memory, threads and descriptors
 * can be read from {@code /proc} apart from the benchmark client's.
 */
final class ServerProcess implements AutoCloseable {

	/**
	 * Kernel clock ticks per second of {@code /proc/<pid>/stat} times (USER_HZ, 100 on
	 * Linux).
	 */
	static final double TICKS_PER_SECOND = 100;

	private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

	private final Process process;

	private final int port;

	private final Path log;

	/**
	 * The admin password the benchmark gives camdash, for its status calls (HTTP Basic).
	 */
	static final String ADMIN_PASSWORD = "bench-admin-password";

	private static final String AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ServerProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the jar with {@code appArgs} on a free loopback port and waits until it is
	 * healthy.
	 */
	static ServerProcess start(Path jar, List<String> jvmArgs, List<String> appArgs, Path log) throws Exception {
		return start(jar, jvmArgs, Map.of(), appArgs, log);
	}

	/** The same with more environment variables for the server. */
	static ServerProcess start(Path jar, List<String> jvmArgs, Map<String, String> env, List<String> appArgs, Path log)
			throws Exception {
		return start(Path.of(System.getProperty("java.home")), jar, jvmArgs, env, appArgs, log);
	}

	/** The same run by the {@code java} of another JDK. */
	static ServerProcess start(Path javaHome, Path jar, List<String> jvmArgs, Map<String, String> env,
			List<String> appArgs, Path log) throws Exception {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(javaHome.resolve("bin").resolve("java").toString());
		command.addAll(jvmArgs);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.add("--server.address=127.0.0.1");
		command.addAll(appArgs);
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(env);
		Process process = builder.start();
		ServerProcess server = new ServerProcess(process, port, log);
		// Generous: a loaded machine (a build beside the benchmark) starts camdash
		// slowly.
		server.awaitHealthy(Duration.ofSeconds(300));
		return server;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private void awaitHealthy(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("camdash exited at start-up; see " + this.log);
			}
			try {
				// Asked without credentials, as anyone may: the first answer then
				// costs no password check (a bcrypt hash, a third of a second here).
				if (getAnonymously("/actuator/health").contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			// Often enough to time a start of a few seconds (the footprint benchmark).
			Thread.sleep(50);
		}
		throw new IllegalStateException("camdash not healthy within " + timeout + "; see " + this.log);
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	/** A counter of the camera {@code bench} (Actuator's metrics), so far. */
	double benchCounter(String name) throws IOException, InterruptedException {
		return StreamingBenchmark.statistic(get("/actuator/metrics/" + name + "?tag=camera:bench"), "COUNT");
	}

	String get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", AUTHORIZATION)
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	private String getAnonymously(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	/** CPU time of the thread that ran {@code main}, in seconds. */
	double mainThreadCpuSeconds() throws IOException {
		return ProcStats.mainThreadCpuSeconds(pid());
	}

	/** User plus system CPU time of the server process, in seconds. */
	double cpuSeconds() throws IOException {
		return ProcStats.cpuSeconds(pid());
	}

	long rssKb() throws IOException {
		return ProcStats.statusField(pid(), "VmRSS");
	}

	long threads() throws IOException {
		return ProcStats.statusField(pid(), "Threads");
	}

	long openFds() throws IOException {
		try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
			return fds.count();
		}
	}

	/**
	 * Heap in use right after a full collection, by {@code jcmd GC.run} then
	 * {@code GC.heap_info}.
	 */
	long heapAfterGcKb() throws IOException, InterruptedException {
		jcmd("GC.run");
		String info = jcmd("GC.heap_info");
		Matcher used = HEAP_USED.matcher(info);
		if (!used.find()) {
			throw new IOException("no heap figure in: " + info);
		}
		return Long.parseLong(used.group(1));
	}

	private String jcmd(String command) throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process run = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true)
			.start();
		String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!run.waitFor(30, TimeUnit.SECONDS) || run.exitValue() != 0) {
			throw new IOException("jcmd " + command + " failed: " + output);
		}
		return output;
	}

	/**
	 * Lines logged at ERROR level so far (Spring Boot's console format puts the level
	 * after the time).
	 */
	long errorLines() throws IOException {
		try (Stream<String> lines = Files.lines(this.log, StandardCharsets.UTF_8)) {
			return lines.filter((line) -> line.matches("^\\S+\\s+ERROR\\s.*")).count();
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
