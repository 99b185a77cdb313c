package io.camdash.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

	private final int port;

	private final LoopbackServer process;

	private Mosquitto(int port, LoopbackServer process) {
		this.port = port;
		this.process = process;
	}

	/** Starts a broker with its configuration and log in {@code folder}. */
	public static Mosquitto start(Path folder) throws IOException, InterruptedException {
		Files.createDirectories(folder);
		int port = LoopbackServer.freePort();
		Path config = folder.resolve("mosquitto.conf");
		Files.writeString(config, """
				listener %d 127.0.0.1
				allow_anonymous true
				persistence false
				log_dest stdout
				""".formatted(port));
		String program = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
		return new Mosquitto(port, LoopbackServer.start("mosquitto", List.of(program, "-c", config.toString()), port,
				folder.resolve("mosquitto.log")));
	}

	/** The broker's URL for an MQTT client. */
	public String url() {
		return "tcp://127.0.0.1:" + this.port;
	}

	/** Ends the broker at once, as a crash would. */
	public void kill() throws InterruptedException {
		this.process.kill();
	}

	/** Starts the broker again on the same port. */
	public void restart() throws IOException, InterruptedException {
		this.process.restart();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.close();
	}

}
