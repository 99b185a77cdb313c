package io.camdash.settings;

import java.nio.file.Files;
import java.nio.file.Path;

import io.camdash.camera.CameraRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code camdash.*} name camdash does not know stops start-up with a message naming it,
 * where it stands and the nearest known name: a typo is never silently ignored.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownSettingsTests {

	@TempDir
	Path dir;

	@Test
	void aCameraListUnderTheWrongNameIsNamedWithTheRightOne(CapturedOutput output) {
		String report = StartupReport.failure(output, "camdash.camera[0].source=test-pattern");
		assertThat(report).contains("'camdash.camera[0].source'")
			.contains("commandLineArgs")
			.contains("did you mean 'camdash.cameras[0].source'?");
	}

	@Test
	void aMisspelledCameraPropertyIsNamedWithTheRightOne(CapturedOutput output) {
		String report = StartupReport.failure(output, "camdash.cameras[0].id=door", "camdash.cameras[1].id=yard",
				"camdash.cameras[1].fsp=10");
		assertThat(report).contains("'camdash.cameras[1].fsp'").contains("did you mean 'camdash.cameras[1].fps'?");
	}

	@Test
	void aMisspelledMotionSettingIsNamedWithTheRightOne(CapturedOutput output) {
		String report = StartupReport.failure(output, "camdash.cameras[0].id=door",
				"camdash.cameras[0].motion.treshold=30");
		assertThat(report).contains("'camdash.cameras[0].motion.treshold'")
			.contains("did you mean 'camdash.cameras[0].motion.threshold'?");
	}

	@Test
	void aTypoInAConfigurationFileNamesTheFileLineAndColumn(CapturedOutput output) throws Exception {
		Path yaml = Files.writeString(this.dir.resolve("application.yaml"), """
				camdash:
				  streaming:
				    max-viewer: 10
				""");
		String report = StartupReport.failure(output, "spring.config.additional-location=file:" + yaml);
		assertThat(report).contains("'camdash.streaming.max-viewer'")
			.contains(yaml.toString())
			.contains("3:17")
			.contains("did you mean 'camdash.streaming.max-viewers'?");
	}

	@Test
	void everyUnknownNameIsListedAtOnce(CapturedOutput output) {
		String report = StartupReport.failure(output, "camdash.streaming.max-viewer=5", "camdash.notes.folders=x");
		assertThat(report).contains("'camdash.streaming.max-viewer'").contains("'camdash.notes.folders'");
	}

	@Test
	void knownNamesStartInEveryRelaxedForm() {
		try (ConfigurableApplicationContext context = StartupReport.start("camdash.cameras[0].id=door",
				"camdash.cameras[0].jpegQuality=70", "camdash.cameras[0].stall_timeout=3s",
				"camdash.cameras[0].motion.mask.rectangles[0]=0,0,10,10", "camdash.cameras[0].overlay=false",
				"camdash.security.camera-tokens.door=a-long-enough-camera-token",
				"camdash.security.frame-ancestors='self'", "camdash.security.login-throttle.max-failures-per-user=3")) {
			assertThat(context.getBean(CameraRegistry.class).require("door").settings().jpegQuality()).isEqualTo(70);
		}
	}

}
