package io.camdash.settings;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.env.OriginTrackedMapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with SIGKILL while it saves the settings file leaves the old file or
 * the new one, never a torn one: a real process is killed at random moments of its saves.
 */
class SettingsFileCrashTests {

	@TempDir
	Path data;

	@Test
	void killingTheProcessDuringASaveLeavesTheOldFileOrTheNew() throws Exception {
		for (int round = 0; round < 3; round++) {
			Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
					SettingsFileWriter.class.getName(), this.data.toString())
				.redirectErrorStream(true)
				.start();
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
				int saves = 3 + ThreadLocalRandom.current().nextInt(20);
				for (int i = 0; i < saves; i++) {
					assertThat(out.readLine()).as("the writer's output").startsWith("saved");
				}
				writer.destroyForcibly();
				writer.waitFor();
			}
			OriginTrackedMapPropertySource read = new SettingsFile(this.data).read().orElseThrow();
			assertThat(read.getProperty("cameras[" + (SettingsFileWriter.CAMERAS - 1) + "].id"))
				.isIn(SettingsFileWriter.OLD, SettingsFileWriter.NEW);
			assertThat(read.getPropertyNames()).hasSize(SettingsFileWriter.CAMERAS * 2);
		}
	}

}
