package io.camdash.camera.source;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Raspberry Pi camera modules ({@code picamera:N} sources) are read, under
 * {@code camdash.picamera}.
 *
 * @param program the program that streams a camera module: a name looked up on the PATH
 * or an absolute path; with the default, libcamera-vid (older Pi OS) is used when
 * rpicam-vid is not installed
 * @param codec what the Pi's hardware encoder makes: mjpeg passes its JPEGs to MJPEG
 * viewers, stills and photos without a decode; h264 passes its H.264 to live H.264
 * viewers without any encode, and decodes it only while something needs images
 */
@ConfigurationProperties("camdash.picamera")
public record PiCameraProperties(@DefaultValue(PiCameraProperties.DEFAULT_PROGRAM) String program,
		@DefaultValue("mjpeg") Codec codec) {

	/** The program of current Raspberry Pi OS (rpicam-apps). */
	public static final String DEFAULT_PROGRAM = "rpicam-vid";

	/** Its name on Raspberry Pi OS before Bookworm, tried when the default is missing. */
	static final String OLD_PROGRAM = "libcamera-vid";

	/** What the camera module's hardware encoder is asked for. */
	public enum Codec {

		/** JPEG frames: MJPEG viewers, stills and photos get them as they are. */
		MJPEG,

		/** H.264: live H.264 viewers get it as it is. */
		H264

	}

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
		if (codec == null) {
			codec = Codec.MJPEG;
		}
	}

	/** The defaults, for sources made without Spring. */
	public static PiCameraProperties defaults() {
		return new PiCameraProperties(DEFAULT_PROGRAM, Codec.MJPEG);
	}

}
