package io.camdash.camera.source;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Raspberry Pi camera module, through the system's {@code rpicam-vid} (libcamera): the
 * program is asked for MJPEG from the Pi's hardware JPEG encoder on its standard output,
 * which a thread of this source cuts into frames. The frames are the encoder's own JPEGs,
 * so a camera without overlay passes them on without decoding them. When the program
 * ends, the frame after the last one is a failure that says why (its last line on
 * standard error, such as a camera in use by another program), and the capture loop
 * starts it again with its backoff.
 */
final class PiCameraSource implements EncodedFrameSource {

	private static final Logger log = LoggerFactory.getLogger(PiCameraSource.class);

	/** The largest frame accepted: far above a 4K JPEG. */
	static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

	private static final int MAX_REASON_LENGTH = 200;

	private final SourceSettings settings;

	private final PiCameraProperties properties;

	private final String searchPath;

	private final ImageDecoder decoder = new ImageDecoder();

	private final FrameHandoff frames = new FrameHandoff();

	private volatile @Nullable String lastErrorLine;

	private @Nullable Process process;

	private @Nullable Thread stdoutReader;

	private @Nullable Thread stderrReader;

	/**
	 * @param searchPath where program names are looked up: the PATH, folders separated by
	 * {@code :}
	 */
	PiCameraSource(SourceSettings settings, PiCameraProperties properties, String searchPath) {
		this.settings = settings;
		this.properties = properties;
		this.searchPath = searchPath;
	}

	/** The command run for a camera: the program, then its options. */
	static List<String> command(String program, SourceSettings settings) {
		List<String> command = new ArrayList<>(List.of(program, "--camera", settings.source().location()));
		if (settings.width() > 0 && settings.height() > 0) {
			command.addAll(List.of("--width", Integer.toString(settings.width()), "--height",
					Integer.toString(settings.height())));
		}
		command.addAll(List.of("--framerate", Integer.toString(settings.fps()), "--codec", "mjpeg", "--quality",
				Integer.toString(settings.jpegQuality()), "--timeout", "0", "--nopreview", "--flush", "--output", "-"));
		return command;
	}

	@Override
	public void open() throws IOException {
		Path program = locateProgram();
		ProcessBuilder builder = new ProcessBuilder(command(program.toString(), this.settings));
		// libcamera logs every step at INFO on standard error; keep its errors, so that
		// the last line says what went wrong.
		builder.environment().putIfAbsent("LIBCAMERA_LOG_LEVELS", "*:ERROR");
		Process started;
		try {
			started = builder.start();
		}
		catch (IOException ex) {
			throw new IOException(program + " cannot be run: " + sanitized(String.valueOf(ex.getMessage())), ex);
		}
		this.process = started;
		String name = program.getFileName().toString();
		String camera = this.settings.source().location();
		this.stderrReader = daemon("camdash-picamera-" + camera + "-stderr",
				() -> readErrors(started.getErrorStream()));
		this.stdoutReader = daemon("camdash-picamera-" + camera, () -> readFrames(started, name));
	}

	private static Thread daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/**
	 * The program to run: the configured one, and for the default, libcamera-vid when
	 * rpicam-vid is not installed.
	 */
	private Path locateProgram() throws IOException {
		String configured = this.properties.program();
		Path found = locate(configured);
		if (found == null && configured.equals(PiCameraProperties.DEFAULT_PROGRAM)) {
			found = locate(PiCameraProperties.OLD_PROGRAM);
		}
		if (found != null) {
			return found;
		}
		if (configured.equals(PiCameraProperties.DEFAULT_PROGRAM)) {
			throw new IOException("rpicam-vid (or libcamera-vid) is not installed: install rpicam-apps "
					+ "(sudo apt install rpicam-apps), or set camdash.picamera.program");
		}
		throw new IOException(configured + " is not installed or not executable (camdash.picamera.program)");
	}

	private @Nullable Path locate(String program) {
		if (program.startsWith("/")) {
			Path path = Path.of(program);
			return (Files.isRegularFile(path) && Files.isExecutable(path)) ? path : null;
		}
		for (String folder : this.searchPath.split(File.pathSeparator)) {
			if (!folder.isEmpty()) {
				Path path = Path.of(folder, program);
				if (Files.isRegularFile(path) && Files.isExecutable(path)) {
					return path;
				}
			}
		}
		return null;
	}

	/** On the reading thread: cuts the output into frames until it ends. */
	private void readFrames(Process running, String name) {
		String reason;
		try (InputStream out = new BufferedInputStream(running.getInputStream(), 64 * 1024)) {
			JpegStreamSplitter splitter = new JpegStreamSplitter(out, MAX_FRAME_BYTES);
			byte[] frame;
			while ((frame = splitter.next()) != null) {
				this.frames.put(frame);
			}
			reason = name + " stopped";
		}
		catch (IOException ex) {
			reason = name + " stopped: " + sanitized(String.valueOf(ex.getMessage()));
		}
		this.frames.end(withExitAndError(running, reason));
	}

	/** The reason with the program's exit code and last error line, once it exited. */
	private String withExitAndError(Process running, String reason) {
		try {
			if (running.waitFor(2, TimeUnit.SECONDS)) {
				reason += " (exit code " + running.exitValue() + ")";
			}
			Thread errors = this.stderrReader;
			if (errors != null) {
				errors.join(1000);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		String line = this.lastErrorLine;
		return (line != null) ? reason + ": " + line : reason;
	}

	/** On its own thread: keeps the last line the program wrote to standard error. */
	private void readErrors(InputStream errors) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(errors, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String clean = sanitized(line);
				if (!clean.isEmpty()) {
					this.lastErrorLine = clean;
					log.debug("Camera {}: {}", this.settings.source().describe(), clean);
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

	@Override
	public byte[] grabEncoded() throws IOException, InterruptedException {
		return this.frames.take();
	}

	@Override
	public Mat decode(byte[] encoded) throws IOException {
		return this.decoder.decode(encoded, encoded.length, "a frame from the camera module is not a JPEG image");
	}

	@Override
	public long frameIntervalNanos() {
		return 0;
	}

	@Override
	public void close() {
		Process running = this.process;
		if (running != null) {
			running.destroy();
			try {
				if (!running.waitFor(2, TimeUnit.SECONDS)) {
					running.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				// Stopping anyway: not waiting is all the interrupt asks.
				running.destroyForcibly();
			}
		}
		this.decoder.close();
	}

}
