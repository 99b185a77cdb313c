package io.camdash.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real mosquitto broker of the test's own, on a free loopback port with a generated
 * configuration (anonymous, no persistence), never the system's service. It can be
 * stopped and started again on the same port, as a broker restart.
 *
 * <pre>
 * try (Mosquitto broker = Mosquitto.start(tempDir)) {
 *     String url = broker.url(); // tcp://127.0.0.1:PORT
 * }
 * </pre>
 */
public final class Mosquitto implements AutoCloseable {

	private final Path folder;

	private final int port;

	private Process process;

	private Mosquitto(Path folder, int port) {
		this.folder = folder;
		this.port = port;
	}

	/** Starts a broker with its configuration and log in {@code folder}. */
	public static Mosquitto start(Path folder) throws IOException, InterruptedException {
		Files.createDirectories(folder);
		Mosquitto broker = new Mosquitto(folder, freePort());
		Files.writeString(broker.config(), """
				listener %d 127.0.0.1
				allow_anonymous true
				persistence false
				log_dest stdout
				""".formatted(broker.port));
		broker.startProcess();
		return broker;
	}

	/** The broker's URL for an MQTT client. */
	public String url() {
		return "tcp://127.0.0.1:" + this.port;
	}

	/** Ends the broker at once, as a crash would. */
	public void kill() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/** Starts the broker again on the same port. */
	public void restart() throws IOException, InterruptedException {
		kill();
		startProcess();
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

	private Path config() {
		return this.folder.resolve("mosquitto.conf");
	}

	private void startProcess() throws IOException, InterruptedException {
		this.process = new ProcessBuilder(
				Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto", "-c",
				config().toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.folder.resolve("mosquitto.log").toFile()))
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("mosquitto did not start; see " + this.folder.resolve("mosquitto.log"));
			}
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
				return;
			}
			catch (IOException ex) {
				// Not listening yet (or the old one's port is still being released).
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("mosquitto not listening on " + this.port + " within 20 s");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
