package io.camdash.camera;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.camdash.camera.source.FrameSourceFactory;
import io.camdash.camera.source.PiCameraProperties;
import io.camdash.camera.source.StandInCameraProgram;
import io.camdash.support.CameraSettingsBuilder;
import io.camdash.support.TestStreamingProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A camera on a Raspberry Pi camera module ({@code picamera:0}), run with a stand-in for
 * rpicam-vid: the camera streams its frames, starts the program again when it dies, and
 * says why when it cannot run.
 */
class PiCameraCaptureTests {

	@TempDir
	Path dir;

	private CameraRegistry registry;

	@AfterEach
	void close() throws InterruptedException {
		if (this.registry != null) {
			this.registry.destroy();
		}
	}

	@Test
	void theCameraStreamsTheProgramsFrames() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.streaming(this.dir);
		Camera camera = camera(program.path().toString());
		LatestFrame first = camera.awaitLiveFrame(Duration.ofSeconds(20));
		assertThat(first).isNotNull();
		assertThat(first.width()).isEqualTo(160);
		assertThat(first.height()).isEqualTo(120);
		await().atMost(Duration.ofSeconds(10)).until(() -> camera.latest().sequence() >= first.sequence() + 10);
		assertThat(program.starts()).isOne();
	}

	@Test
	void aProgramThatDiesIsStartedAgainAndTheCameraStaysLive() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.write(this.dir, "rpicam-vid", 4, "ERROR: *** gone ***", 1);
		Camera camera = camera(program.path().toString());
		assertThat(camera.awaitLiveFrame(Duration.ofSeconds(20))).isNotNull();
		await().atMost(Duration.ofSeconds(20)).until(() -> program.starts() >= 3);
		LatestFrame frame = camera.awaitLiveFrame(Duration.ofSeconds(5));
		assertThat(frame).isNotNull();
		assertThat(frame.live()).isTrue();
	}

	@Test
	void aCameraInUseShowsNoSignalWithTheProgramsReason() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.failing(this.dir,
				"ERROR: *** failed to acquire camera /base/soc/i2c0mux/i2c@1/imx708@1a ***", 255);
		Camera camera = camera(program.path().toString());
		camera.addViewer();
		await().atMost(Duration.ofSeconds(20)).until(() -> camera.state() == CameraState.NO_SIGNAL);
		assertThat(camera.problem()).isEqualTo(
				"rpicam-vid stopped (exit code 255): failed to acquire camera /base/soc/i2c0mux/i2c@1/imx708@1a");
		await().atMost(Duration.ofSeconds(20)).until(() -> program.starts() >= 2);
		camera.removeViewer();
	}

	@Test
	void aMissingProgramShowsNoSignalSayingWhatToInstall() {
		Camera camera = camera("camdash-no-such-program");
		camera.addViewer();
		await().atMost(Duration.ofSeconds(20)).until(() -> camera.state() == CameraState.NO_SIGNAL);
		assertThat(camera.problem())
			.isEqualTo("camdash-no-such-program is not installed or not executable (camdash.picamera.program)");
		camera.removeViewer();
	}

	private Camera camera(String program) {
		this.registry = new CameraRegistry(
				new CamerasProperties(List.of(CameraSettingsBuilder.camera("pi")
					.source("picamera:0")
					.fps(20)
					.overlay(false)
					.stallTimeout(Duration.ofMillis(500))
					.build())),
				TestStreamingProperties.tenViewers(), new FrameSourceFactory(new PiCameraProperties(program)),
				new SimpleMeterRegistry());
		return this.registry.require("pi");
	}

}
