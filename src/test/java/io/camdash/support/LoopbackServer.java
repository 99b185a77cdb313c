package io.camdash.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server program of a test's own (a broker, a media server) on a loopback port:
 * started, waited for until it listens, killed as a crash would, and started again on the
 * same port.
 */
public final class LoopbackServer implements AutoCloseable {

	private final String name;

	private final List<String> command;

	private final int port;

	private final Path log;

	private Process process;

	/**
	 * Starts the program and waits until it listens on {@code port}.
	 * @param log where its output is appended
	 */
	public static LoopbackServer start(String name, List<String> command, int port, Path log)
			throws IOException, InterruptedException {
		LoopbackServer server = new LoopbackServer(name, command, port, log);
		server.startProcess();
		return server;
	}

	private LoopbackServer(String name, List<String> command, int port, Path log) {
		this.name = name;
		this.command = List.copyOf(command);
		this.port = port;
		this.log = log;
	}

	/** Ends the program at once, as a crash would. */
	public void kill() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/** Starts the program again on the same port. */
	public void restart() throws IOException, InterruptedException {
		kill();
		startProcess();
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

	/** The running program's process id. */
	public long pid() {
		return this.process.pid();
	}

	private void startProcess() throws IOException, InterruptedException {
		this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " did not start; see " + this.log);
			}
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
				return;
			}
			catch (IOException ex) {
				// Not listening yet (or the old one's port is still being released).
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException(this.name + " not listening on " + this.port + " within 20 s");
	}

	/** A port free on the loopback address now. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
