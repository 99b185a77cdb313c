package io.camdash.camera.source;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Raspberry Pi camera modules ({@code picamera:N} sources) are read, under
 * {@code camdash.picamera}.
 *
 * @param program the program that streams a camera module as MJPEG: a name looked up on
 * the PATH or an absolute path; with the default, libcamera-vid (older Pi OS) is used
 * when rpicam-vid is not installed
 */
@ConfigurationProperties("camdash.picamera")
public record PiCameraProperties(@DefaultValue(PiCameraProperties.DEFAULT_PROGRAM) String program) {

	/** The program of current Raspberry Pi OS (rpicam-apps). */
	public static final String DEFAULT_PROGRAM = "rpicam-vid";

	/** Its name on Raspberry Pi OS before Bookworm, tried when the default is missing. */
	static final String OLD_PROGRAM = "libcamera-vid";

	public PiCameraProperties {
		if (program == null || program.isBlank()) {
			program = DEFAULT_PROGRAM;
		}
		program = program.strip();
		if (program.startsWith("/")) {
			Path path = Path.of(program);
			if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
				throw new IllegalArgumentException(
						"camdash.picamera.program: '" + program + "' is not an executable file");
			}
		}
		else if (!program.matches("[A-Za-z0-9._+-]{1,100}")) {
			throw new IllegalArgumentException("camdash.picamera.program: '" + program
					+ "' must be a program name (such as rpicam-vid) or an absolute path");
		}
	}

	/** The defaults, for sources made without Spring. */
	public static PiCameraProperties defaults() {
		return new PiCameraProperties(DEFAULT_PROGRAM);
	}

}
