package io.camdash.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings file's cameras start after those of the configuration, bound and checked
 * by the same rules; a file camdash cannot read stops start-up naming its line and
 * column.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsFileStartupTests {

	@TempDir
	Path data;

	@Test
	void theFilesCamerasStartAfterThoseOfTheConfiguration() {
		new SettingsFile(this.data).write(Map.of("cameras",
				List.of(Map.of("id", "yard", "name", "Back yard", "fps", 5, "motion", Map.of("enabled", true)))));
		try (ConfigurableApplicationContext context = StartupReport.start(dataFolder(), "camdash.cameras[0].id=door",
				"camdash.cameras[1].id=desk")) {
			List<Camera> cameras = context.getBean(CameraRegistry.class).all();
			assertThat(cameras).extracting(Camera::id).containsExactly("door", "desk", "yard");
			assertThat(cameras.get(2).settings().name()).isEqualTo("Back yard");
			assertThat(cameras.get(2).settings().fps()).isEqualTo(5);
		}
	}

	@Test
	void theFilesCamerasReplaceTheTestPatternWhenTheConfigurationHasNone() {
		new SettingsFile(this.data).write(Map.of("cameras", List.of(Map.of("id", "yard"))));
		try (ConfigurableApplicationContext context = StartupReport.start(dataFolder())) {
			assertThat(context.getBean(CameraRegistry.class).all()).extracting(Camera::id).containsExactly("yard");
		}
	}

	@Test
	void valuesOfTheFileAreTakenAsTheyAreWritten() {
		List<String> names = List.of("${camdash.security.admin-password}", "a\nadmin-password: x", "{{7*7}}",
				"C:\\${x}");
		new SettingsFile(this.data).write(Map.of("cameras",
				names.stream().map((name) -> Map.of("id", "c" + names.indexOf(name), "name", name)).toList()));
		try (ConfigurableApplicationContext context = StartupReport.start(dataFolder())) {
			assertThat(context.getBean(CameraRegistry.class).all()).extracting(Camera::name)
				.containsExactlyElementsOf(names);
			assertThat(context.getEnvironment().getProperty("camdash.security.admin-password"))
				.startsWith("{bcrypt}$2a$04$");
		}
	}

	@Test
	void aBrokenFileIsNamedWithItsLineAndColumn(CapturedOutput output) throws Exception {
		Files.writeString(file(), """
				cameras:
				  - id: yard
				    name: [Back yard
				""");
		String report = StartupReport.failure(output, dataFolder());
		assertThat(report).contains(file().toString()).containsPattern("is not valid YAML at line [34], column \\d+");
	}

	@Test
	void aJavaObjectWrittenIntoTheFileByHandIsRefused(CapturedOutput output) throws Exception {
		Files.writeString(file(),
				"""
						cameras:
						  - id: yard
						    name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://localhost/"]]]]
						""");
		String report = StartupReport.failure(output, dataFolder());
		assertThat(report).contains(file().toString()).contains("line 3");
	}

	@Test
	void anUnknownNameInTheFileIsNamedWithItsLineAndTheRightName(CapturedOutput output) throws Exception {
		Files.writeString(file(), """
				cameras:
				  - id: yard
				    fsp: 5
				""");
		String report = StartupReport.failure(output, dataFolder());
		assertThat(report).contains("'cameras[0].fsp'")
			.contains(file().toString())
			.contains("3:10")
			.contains("did you mean 'cameras[0].fps'?");
	}

	@Test
	void aSectionTheFileDoesNotHoldIsRefused(CapturedOutput output) throws Exception {
		Files.writeString(file(), """
				security:
				  admin-password: x
				""");
		String report = StartupReport.failure(output, dataFolder());
		assertThat(report).contains("'security.admin-password'").contains(file().toString());
	}

	@Test
	void aWrongValueInTheFileIsNamedByItsPlaceAfterTheConfigurationsCameras(CapturedOutput output) throws Exception {
		Files.writeString(file(), """
				cameras:
				  - id: yard
				    fps: 500
				""");
		String report = StartupReport.failure(output, dataFolder(), "camdash.cameras[0].id=door");
		assertThat(report).contains("camdash.cameras[1].fps").contains("less than or equal to 120");
	}

	@Test
	void aCameraIdTakenByTheConfigurationIsRefused(CapturedOutput output) {
		new SettingsFile(this.data).write(Map.of("cameras", List.of(Map.of("id", "door"))));
		String report = StartupReport.failure(output, dataFolder(), "camdash.cameras[0].id=door");
		assertThat(report).contains("camera 'door'").contains(file().toString()).contains("each camera needs its own");
	}

	private String dataFolder() {
		return "camdash.security.data-folder=" + this.data;
	}

	private Path file() {
		return this.data.resolve(SettingsFile.NAME);
	}

}
