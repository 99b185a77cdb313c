package io.camdash.training;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingRunTests {

	@TempDir
	Path folder;

	@Test
	void aRunThatWritesAnArchiveOrACacheIsATrainingRun() {
		assertThat(new TrainingRun(List.of("-Xmx128m", "-XX:ArchiveClassesAtExit=/var/lib/camdash/camdash.jsa"))
			.isTraining()).isTrue();
		assertThat(new TrainingRun(List.of("-XX:AOTCacheOutput=camdash.aot")).isTraining()).isTrue();
		assertThat(new TrainingRun(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=camdash.aotconf")).isTraining())
			.isTrue();
	}

	@Test
	void aRunThatReadsAnArchiveOrACacheIsNot() {
		assertThat(new TrainingRun(List.of("-XX:SharedArchiveFile=camdash.jsa", "-Xmx128m")).isTraining()).isFalse();
		assertThat(new TrainingRun(List.of("-XX:AOTCache=camdash.aot")).isTraining()).isFalse();
		assertThat(new TrainingRun(List.of()).isTraining()).isFalse();
	}

	@Test
	void camdashAsksItselfOnLoopbackUnlessItListensOnOneAddressOnly() {
		assertThat(TrainingRun.host(null)).isEqualTo("127.0.0.1");
		assertThat(TrainingRun.host("0.0.0.0")).isEqualTo("127.0.0.1");
		assertThat(TrainingRun.host("192.168.1.20")).isEqualTo("192.168.1.20");
		assertThat(TrainingRun.host("::1")).isEqualTo("[::1]");
	}

	@Test
	void aTrainingRunAnswersItselfAndExitsByItself() throws Exception {
		Path log = this.folder.resolve("training.log");
		Process camdash = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + this.folder.resolve("camdash.jsa"), "-cp",
				System.getProperty("java.class.path"), "io.camdash.CamdashApplication", "--server.port=0",
				"--server.address=127.0.0.1", "--camdash.security.data-folder=" + this.folder.resolve("data"),
				"--camdash.pictures.folder=" + this.folder.resolve("pictures"),
				"--camdash.pictures.thumbnail-cache=" + this.folder.resolve("thumbnails"),
				"--camdash.notes.folder=" + this.folder.resolve("notes"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean exited = camdash.waitFor(3, TimeUnit.MINUTES);
		if (!exited) {
			camdash.destroyForcibly();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(exited).as("camdash exits by itself; its log:%n%s", output).isTrue();
		assertThat(output).contains("Training run: /actuator/health answered 200", "Training run: / answered 302",
				"Training run: /login answered 200", "Stopped oejs.Server");
		// The JVM writes no archive from the classes folders the tests run from (it
		// says so and exits with 1); the benchmark's training of the built jar checks
		// the archive itself.
		if (camdash.exitValue() != 0) {
			assertThat(output).contains("Cannot have non-empty directory in paths");
		}
	}

}
