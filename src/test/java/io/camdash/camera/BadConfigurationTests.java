package io.camdash.camera;

import java.nio.file.Files;
import java.nio.file.Path;

import io.camdash.CamdashApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A wrong camera setting stops start-up with a message that names the property and the
 * value.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadConfigurationTests {

	@TempDir
	Path dir;

	@Test
	void anUnknownSourceKind(CapturedOutput output) {
		assertStartupFails(output, "camdash.cameras[0].source", "webcam:1", "unknown camera source 'webcam:1'",
				"camdash.cameras[0].id=door", "camdash.cameras[0].source=webcam:1");
	}

	@Test
	void aMissingVideoFile(CapturedOutput output) {
		assertStartupFails(output, "camdash.cameras[0].source", "file:/nonexistent/clip.mp4", "does not exist",
				"camdash.cameras[0].id=door", "camdash.cameras[0].source=file:/nonexistent/clip.mp4");
	}

	@Test
	void aFolderWithoutImages(CapturedOutput output) throws Exception {
		Files.writeString(this.dir.resolve("readme.txt"), "no images here");
		assertStartupFails(output, "camdash.cameras[0].source", "folder:" + this.dir, "holds no .jpg, .jpeg or .png",
				"camdash.cameras[0].id=door", "camdash.cameras[0].source=folder:" + this.dir);
	}

	@Test
	void aBadDeviceIndex(CapturedOutput output) {
		assertStartupFails(output, "camdash.cameras[0].source", "device:front", "must be an index",
				"camdash.cameras[0].id=door", "camdash.cameras[0].source=device:front");
	}

	@Test
	void aBadCameraModuleIndex(CapturedOutput output) {
		assertStartupFails(output, "camdash.cameras[0].source", "picamera:front", "must be the index",
				"camdash.cameras[0].id=door", "camdash.cameras[0].source=picamera:front");
	}

	@Test
	void aCameraModuleProgramThatDoesNotExist(CapturedOutput output) {
		assertStartupFails(output, "camdash.picamera", "/nonexistent/rpicam-vid", "is not an executable file",
				"camdash.picamera.program=/nonexistent/rpicam-vid");
	}

	@Test
	void aNegativeFrameRate(CapturedOutput output) {
		assertStartupFails(output, "camdash.cameras[0].fps", "-5", "must be greater than or equal to 1",
				"camdash.cameras[0].id=door", "camdash.cameras[0].fps=-5");
	}

	@Test
	void aJpegQualityOutOfRange(CapturedOutput output) {
		assertStartupFails(output, "camdash.cameras[0].jpegQuality", "101", "less than or equal to 100",
				"camdash.cameras[0].id=door", "camdash.cameras[0].jpeg-quality=101");
	}

	@Test
	void aDuplicateCameraId(CapturedOutput output) {
		assertStartupFails(output, "camdash.cameras[1].id", "door", "duplicate camera id 'door'",
				"camdash.cameras[0].id=door", "camdash.cameras[1].id=door");
	}

	@Test
	void anIdThatCannotBePartOfAUrl(CapturedOutput output) {
		assertStartupFails(output, "camdash.cameras[0].id", "Front Door", "lowercase letters",
				"camdash.cameras[0].id=Front Door");
	}

	@Test
	void aMissingId(CapturedOutput output) {
		assertStartupFails(output, "camdash.cameras[0].id", "null", "must not be null",
				"camdash.cameras[0].source=test-pattern");
	}

	@Test
	void aTooShortStallTimeout(CapturedOutput output) {
		assertStartupFails(output, "camdash.cameras[0].stallTimeout", "PT0.01S", "must be longer than or equal to",
				"camdash.cameras[0].id=door", "camdash.cameras[0].stall-timeout=10ms");
	}

	@Test
	void aViewerLimitOfZero(CapturedOutput output) {
		assertStartupFails(output, "camdash.streaming.max-viewers", "0", "must be greater than or equal to 1",
				"camdash.streaming.max-viewers=0");
	}

	@Test
	void aReducedJpegQualityOutOfRange(CapturedOutput output) {
		assertStartupFails(output, "camdash.streaming.reduced.jpegQuality", "5", "must be greater than or equal to 10",
				"camdash.streaming.reduced.jpeg-quality=5");
	}

	@Test
	void aReducedSendBufferLargerThanTheUsualOne(CapturedOutput output) {
		assertStartupFails(output, "camdash.streaming.reduced.socket-send-buffer", "128KB",
				"must not exceed camdash.streaming.socket-send-buffer",
				"camdash.streaming.reduced.socket-send-buffer=128KB");
	}

	private static void assertStartupFails(CapturedOutput output, String property, String value, String reason,
			String... properties) {
		String[] args = java.util.Arrays.stream(properties).map((p) -> "--" + p).toArray(String[]::new);
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(CamdashApplication.class).web(WebApplicationType.NONE)
				.run(args)
				.close());
		String report = output.getAll().substring(output.getAll().lastIndexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains(property).contains(value).contains(reason);
	}

}
