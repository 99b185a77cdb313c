package io.camdash.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.env.OriginTrackedMapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The settings file is written through a YAML library from plain data: whatever a value
 * holds (a newline, YAML syntax, a template, a Java tag) comes back as that same value
 * and adds no other setting.
 */
class SettingsFileTests {

	static final List<String> PAYLOADS = List.of("a\nadmin-password: x", "{{7*7}}",
			"!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost/\"]]]]",
			"x\n---\ncameras: []", "' \" # & * ? | > % @ `", "${camdash.security.admin-password}");

	@TempDir
	Path data;

	@Test
	void valuesWithYamlSyntaxComeBackAsTheSameValuesAndNothingElse() {
		SettingsFile file = new SettingsFile(this.data);
		List<Map<String, Object>> cameras = PAYLOADS.stream()
			.map((payload) -> Map.<String, Object>of("id", "cam", "name", payload))
			.toList();
		file.write(Map.of("cameras", cameras));
		OriginTrackedMapPropertySource read = file.read().orElseThrow();
		Map<String, Object> expected = new LinkedHashMap<>();
		for (int i = 0; i < PAYLOADS.size(); i++) {
			expected.put("cameras[" + i + "].id", "cam");
			expected.put("cameras[" + i + "].name", PAYLOADS.get(i));
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (String name : read.getPropertyNames()) {
			values.put(name, read.getProperty(name));
		}
		assertThat(values).containsExactlyInAnyOrderEntriesOf(expected);
	}

	@Test
	void numbersAndSwitchesKeepTheirType() {
		SettingsFile file = new SettingsFile(this.data);
		file.write(Map.of("cameras", List.of(Map.of("id", "cam", "fps", 5, "overlay", false, "name", "080"))));
		OriginTrackedMapPropertySource read = file.read().orElseThrow();
		assertThat(read.getProperty("cameras[0].fps")).isEqualTo(5);
		assertThat(read.getProperty("cameras[0].overlay")).isEqualTo(false);
		assertThat(read.getProperty("cameras[0].name")).isEqualTo("080");
	}

	@Test
	void onlyItsOwnerMayReadTheFile() throws Exception {
		SettingsFile file = new SettingsFile(this.data);
		file.write(Map.of("cameras", List.of(Map.of("id", "cam", "source", "rtsp://user:secret@192.0.2.1/"))));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
		assertThat(Files.readString(file.path())).startsWith("# camdash's settings");
	}

	@Test
	void aJavaObjectIsNeverWritten() {
		SettingsFile file = new SettingsFile(this.data);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> file.write(Map.of("cameras", List.of(Map.of("idle-timeout", Duration.ofSeconds(3))))))
			.withMessageContaining("settings.cameras[].idle-timeout");
		assertThat(file.path()).doesNotExist();
	}

	@Test
	void noFileMeansNoSettings() {
		assertThat(new SettingsFile(this.data).read()).isEmpty();
	}

}
