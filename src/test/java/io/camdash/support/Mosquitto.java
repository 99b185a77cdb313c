package io.camdash.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real mosquitto broker of the test's own, on a free loopback port with a generated
 * configuration (no persistence), never the system's service: anonymous, or signing in
 * with a password file made by {@code mosquitto_passwd}. It can be stopped and started
 * again on the same port, as a broker restart.
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

	/** Starts an anonymous broker with its configuration and log in {@code folder}. */
	public static Mosquitto start(Path folder) throws IOException, InterruptedException {
		return start(folder, "allow_anonymous true\n");
	}

	/**
	 * Starts a broker that lets in only these users (name to password), with its
	 * configuration, password file and log in {@code folder}.
	 */
	public static Mosquitto startSigningIn(Path folder, Map<String, String> users)
			throws IOException, InterruptedException {
		Files.createDirectories(folder);
		Path passwords = folder.resolve("passwords");
		Files.deleteIfExists(passwords);
		Files.createFile(passwords, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		for (Map.Entry<String, String> user : users.entrySet()) {
			Process process = new ProcessBuilder(program("mosquitto_passwd", "/usr/bin"), "-b", passwords.toString(),
					user.getKey(), user.getValue())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("mosquitto_passwd.log").toFile()))
				.start();
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("mosquitto_passwd failed; see " + folder);
			}
		}
		return start(folder, "allow_anonymous false\npassword_file " + passwords + "\n");
	}

	private static Mosquitto start(Path folder, String access) throws IOException, InterruptedException {
		Files.createDirectories(folder);
		int port = LoopbackServer.freePort();
		Path config = folder.resolve("mosquitto.conf");
		// Run as the test's own user: started as root, mosquitto would otherwise switch
		// to
		// the user "mosquitto", who cannot read the test's folder.
		Files.writeString(config, """
				user %s
				listener %d 127.0.0.1
				persistence false
				log_dest stdout
				""".formatted(System.getProperty("user.name"), port) + access);
		return new Mosquitto(port,
				LoopbackServer.start("mosquitto", List.of(program("mosquitto", "/usr/sbin"), "-c", config.toString()),
						port, folder.resolve("mosquitto.log")));
	}

	private static String program(String name, String folder) {
		Path installed = Path.of(folder, name);
		return Files.isExecutable(installed) ? installed.toString() : name;
	}

	/** The broker's URL for an MQTT client. */
	public String url() {
		return "tcp://127.0.0.1:" + this.port;
	}

	/** The broker's port on 127.0.0.1. */
	public int port() {
		return this.port;
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
