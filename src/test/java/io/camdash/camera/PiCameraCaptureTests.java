package io.camdash.camera;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camdash.camera.source.FrameSourceFactory;
import io.camdash.camera.source.H264Packet;
import io.camdash.camera.source.H264Track;
import io.camdash.camera.source.PiCameraProperties;
import io.camdash.camera.source.PiCameraProperties.Codec;
import io.camdash.camera.source.StandInCameraProgram;
import io.camdash.support.CameraSettingsBuilder;
import io.camdash.support.TestStreamingProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A camera on a Raspberry Pi camera module ({@code picamera:0}), run with a stand-in for
 * rpicam-vid: the camera streams its frames (JPEGs, or H.264 packets passed on and
 * decoded only when somebody needs images), starts the program again when it dies, and
 * says why when it cannot run.
 */
class PiCameraCaptureTests {

	@TempDir
	Path dir;

	private CameraRegistry registry;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

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

	@Test
	void inH264ModeTheProgramsPacketsReachConsumersAndAreDecodedOnlyForViewers() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.h264(this.dir, 0, "", 0);
		Camera camera = camera(program.path().toString(), Codec.H264);
		List<H264Packet> packets = new CopyOnWriteArrayList<>();
		FrameConsumer passer = new FrameConsumer() {

			@Override
			public void frame(@Nullable Mat image, LatestFrame frame) {
			}

			@Override
			public Reads reads(@Nullable H264Track track) {
				return Reads.PACKETS;
			}

			@Override
			public void packet(H264Packet packet) {
				packets.add(packet);
			}

		};
		camera.attach(passer);
		await().atMost(Duration.ofSeconds(20)).until(() -> packets.size() >= 30);
		assertThat(packets).anyMatch(H264Packet::keyframe);
		H264Track track = camera.h264Track();
		assertThat(track).isNotNull();
		assertThat(track.width()).isEqualTo(320);
		assertThat(camera.state()).isEqualTo(CameraState.LIVE);
		assertThat(decoded()).as("packets decoded while only packets are read").isZero();
		assertThat(camera.latest()).isNull();
		LatestFrame frame = camera.awaitLiveFrame(Duration.ofSeconds(20));
		assertThat(frame).isNotNull();
		assertThat(frame.width()).isEqualTo(320);
		assertThat(frame.height()).isEqualTo(240);
		assertThat(decoded()).as("packets decoded for a still").isPositive();
		camera.detach(passer);
		assertThat(program.starts()).isOne();
	}

	@Test
	void inH264ModeAProgramThatDiesIsStartedAgain() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.h264(this.dir, 10, "ERROR: *** gone ***", 1);
		Camera camera = camera(program.path().toString(), Codec.H264);
		assertThat(camera.awaitLiveFrame(Duration.ofSeconds(20))).isNotNull();
		await().atMost(Duration.ofSeconds(30)).until(() -> program.starts() >= 2);
		LatestFrame frame = camera.awaitLiveFrame(Duration.ofSeconds(10));
		assertThat(frame).isNotNull();
		assertThat(frame.live()).isTrue();
	}

	private double decoded() {
		return this.meters.counter("camdash.camera.packets.decoded", "camera", "pi").count();
	}

	private Camera camera(String program) {
		return camera(program, Codec.MJPEG);
	}

	private Camera camera(String program, Codec codec) {
		this.registry = new CameraRegistry(
				new CamerasProperties(List.of(CameraSettingsBuilder.camera("pi")
					.source("picamera:0")
					.fps(20)
					.overlay(false)
					.stallTimeout(Duration.ofMillis(500))
					.build())),
				TestStreamingProperties.tenViewers(), new FrameSourceFactory(new PiCameraProperties(program, codec)),
				this.meters);
		return this.registry.require("pi");
	}

}
