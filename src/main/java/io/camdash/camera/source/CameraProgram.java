package io.camdash.camera.source;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A program that streams a camera to its standard output ({@code rpicam-vid}), run as a
 * child process: found on the search path, started, its last line on standard error kept,
 * which says why it ended (a camera in use by another program), and stopped.
 */
final class CameraProgram implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(CameraProgram.class);

	private static final int MAX_REASON_LENGTH = 200;

	private final String name;

	private final Process process;

	private final Thread errorReader;

	private volatile @Nullable String lastErrorLine;

	private CameraProgram(String name, Process process, String threadName) {
		this.name = name;
		this.process = process;
		this.errorReader = new Thread(() -> readErrors(process.getErrorStream()), threadName + "-stderr");
		this.errorReader.setDaemon(true);
		this.errorReader.start();
	}

	/**
	 * Starts {@code command}, whose first element is the program as found by
	 * {@link #locate}.
	 */
	static CameraProgram start(List<String> command, String threadName) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command);
		// libcamera logs every step at INFO on standard error; keep its errors, so that
		// the last line says what went wrong.
		builder.environment().putIfAbsent("LIBCAMERA_LOG_LEVELS", "*:ERROR");
		String program = command.get(0);
		try {
			return new CameraProgram(Path.of(program).getFileName().toString(), builder.start(), threadName);
		}
		catch (IOException ex) {
			throw new IOException(program + " cannot be run: " + sanitized(String.valueOf(ex.getMessage())), ex);
		}
	}

	/**
	 * An executable file: {@code program} itself if it is an absolute path, else the
	 * first found in the folders of {@code searchPath} (separated by {@code :}); null if
	 * none.
	 */
	static @Nullable Path locate(String program, String searchPath) {
		if (program.startsWith("/")) {
			Path path = Path.of(program);
			return (Files.isRegularFile(path) && Files.isExecutable(path)) ? path : null;
		}
		for (String folder : searchPath.split(File.pathSeparator)) {
			if (!folder.isEmpty()) {
				Path path = Path.of(folder, program);
				if (Files.isRegularFile(path) && Files.isExecutable(path)) {
					return path;
				}
			}
		}
		return null;
	}

	/** The program's name, without its folder. */
	String name() {
		return this.name;
	}

	/** Its standard output. */
	InputStream output() {
		return this.process.getInputStream();
	}

	/**
	 * Why the program stopped, once its output ended: {@code reason} with its exit code
	 * and last error line, waiting a little for it to exit.
	 */
	String ended(String reason) {
		String said = reason;
		try {
			if (this.process.waitFor(2, TimeUnit.SECONDS)) {
				said += " (exit code " + this.process.exitValue() + ")";
			}
			this.errorReader.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		String line = this.lastErrorLine;
		return (line != null) ? said + ": " + line : said;
	}

	/** Whether the program exited, waiting up to a second or two for it. */
	boolean exited() {
		try {
			return this.process.waitFor(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !this.process.isAlive();
		}
	}

	/** On its own thread: keeps the last line the program wrote to standard error. */
	private void readErrors(InputStream errors) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(errors, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String clean = sanitized(line);
				if (!clean.isEmpty()) {
					this.lastErrorLine = clean;
					log.debug("{}: {}", this.name, clean);
				}
			}
		}
		catch (IOException ex) {
			// The program is gone: what it said is kept.
		}
	}

	/**
	 * A line fit for the NO SIGNAL card: printable characters only, without the
	 * {@code ERROR: *** ... ***} decoration of rpicam-apps, and not too long.
	 */
	static String sanitized(String line) {
		String clean = line.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "")
			.replaceAll("\\p{Cntrl}", " ")
			.replaceAll("[^\\p{Print}\\p{L}\\p{N}]", "")
			.replaceFirst("^\\s*ERROR:\\s*", "")
			.replaceAll("\\*{3}", "")
			.replaceAll("\\s+", " ")
			.strip();
		return (clean.length() > MAX_REASON_LENGTH) ? clean.substring(0, MAX_REASON_LENGTH) + "…" : clean;
	}

	/** Stops the program: asked first, killed if it has not exited within 2 s. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(2, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			// Stopping anyway: not waiting is all the interrupt asks.
			this.process.destroyForcibly();
		}
	}

}
