package io.camdash.camera.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.camdash.camera.source.PiCameraProperties.Codec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PiCameraSourceTests {

	@TempDir
	Path dir;

	@Test
	void theProgramIsAskedForMjpegAtTheCamerasSizeRateAndQualityOnItsStandardOutput() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.streaming(this.dir);
		try (PiCameraSource source = source(program.path().toString(), "picamera:1", 1280, 720, 25, 70)) {
			source.open();
			source.grabEncoded();
		}
		assertThat(program.arguments()).containsExactly("--camera", "1", "--width", "1280", "--height", "720",
				"--framerate", "25", "--codec", "mjpeg", "--quality", "70", "--timeout", "0", "--nopreview", "--flush",
				"--output", "-");
	}

	@Test
	void withoutASizeTheProgramKeepsTheCamerasOwn() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.streaming(this.dir);
		try (PiCameraSource source = source(program.path().toString(), "picamera:0", 0, 0, 15, 80)) {
			source.open();
			source.grabEncoded();
		}
		assertThat(program.arguments()).containsExactly("--camera", "0", "--framerate", "15", "--codec", "mjpeg",
				"--quality", "80", "--timeout", "0", "--nopreview", "--flush", "--output", "-");
	}

	@Test
	void framesAreTheProgramsOwnJpegsInTheOrderWritten() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.streaming(this.dir);
		try (PiCameraSource source = source(program.path().toString(), "picamera:0", 0, 0, 20, 80)) {
			source.open();
			byte[] first = source.grabEncoded();
			int colour = colourIndex(program, first);
			assertThat(colour).as("a frame the program wrote, byte for byte").isNotNegative();
			for (int i = 1; i <= 4; i++) {
				byte[] next = source.grabEncoded();
				assertThat(next).isEqualTo(program.frame(colour + i));
			}
			assertThat(JpegSize.of(first)).isEqualTo(new JpegSize(160, 120));
			assertThat(TestMedia.colourOf(source.grab())).isBetween(0, 2);
		}
	}

	@Test
	void askedForH264TheProgramGetsAKeyframeASecondWithItsParameterSets() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.h264(this.dir, 0, "", 0);
		try (PiCameraSource source = h264Source(program, 1280, 720, 25)) {
			source.open();
			source.readPacket();
		}
		assertThat(program.arguments()).containsExactly("--camera", "0", "--width", "1280", "--height", "720",
				"--framerate", "25", "--codec", "h264", "--profile", "high", "--intra", "25", "--inline", "--timeout",
				"0", "--nopreview", "--flush", "--output", "-");
	}

	@Test
	void theProgramsH264ComesAsPacketsThatDecodeToImages() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.h264(this.dir, 0, "", 0);
		try (PiCameraSource source = h264Source(program, 0, 0, 20)) {
			source.open();
			assertThat(source.givesEncodedFrames()).isFalse();
			H264Track track = source.h264Track();
			assertThat(track).isNotNull();
			assertThat(track.width()).isEqualTo(320);
			assertThat(track.height()).isEqualTo(240);
			H264Packet packet = source.readPacket();
			while (!packet.keyframe()) {
				packet = source.readPacket();
			}
			assertThat(packet.track()).isSameAs(track);
			Mat image = source.decode(packet);
			for (int i = 0; image == null && i < 10; i++) {
				image = source.decode(source.readPacket());
			}
			assertThat(image).isNotNull();
			assertThat(image.cols()).isEqualTo(320);
			assertThat(image.rows()).isEqualTo(240);
		}
	}

	@Test
	void anH264ProgramThatEndsEndsTheSourceWithItsExitCodeAndLastErrorLine() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.h264(this.dir, 10, "ERROR: *** camera disconnected ***", 3);
		try (PiCameraSource source = h264Source(program, 0, 0, 20)) {
			source.open();
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
				for (int i = 0; i < 100; i++) {
					source.readPacket();
				}
			}).withMessage("rpicam-vid stopped (exit code 3): camera disconnected");
		}
	}

	@Test
	void anH264ProgramThatFailsAtOnceSaysWhy() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.failing(this.dir,
				"ERROR: *** failed to acquire camera /base/soc/i2c0mux/i2c@1/imx708@1a ***", 255);
		try (PiCameraSource source = new PiCameraSource(settings("picamera:0", 0, 0, 20, 80),
				new PiCameraProperties(program.path().toString(), Codec.H264), "/usr/bin:/bin")) {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
				source.open();
				source.readPacket();
			})
				.withMessage("rpicam-vid stopped (exit code 255): failed to acquire camera "
						+ "/base/soc/i2c0mux/i2c@1/imx708@1a");
		}
	}

	@Test
	void aProgramThatEndsEndsTheSourceWithItsExitCodeAndLastErrorLine() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.write(this.dir, "rpicam-vid", 3,
				"ERROR: *** camera disconnected ***", 3);
		try (PiCameraSource source = source(program.path().toString(), "picamera:0", 0, 0, 20, 80)) {
			source.open();
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
				for (int i = 0; i < 10; i++) {
					source.grabEncoded();
				}
			}).withMessage("rpicam-vid stopped (exit code 3): camera disconnected");
		}
	}

	@Test
	void aCameraInUseSaysSo() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.failing(this.dir,
				"ERROR: *** failed to acquire camera /base/soc/i2c0mux/i2c@1/imx708@1a ***", 255);
		try (PiCameraSource source = source(program.path().toString(), "picamera:0", 0, 0, 20, 80)) {
			source.open();
			assertThatExceptionOfType(IOException.class).isThrownBy(source::grabEncoded)
				.withMessage("rpicam-vid stopped (exit code 255): failed to acquire camera "
						+ "/base/soc/i2c0mux/i2c@1/imx708@1a");
		}
	}

	@Test
	void withoutRpicamVidTheDefaultRunsLibcameraVid() throws Exception {
		StandInCameraProgram program = StandInCameraProgram.write(this.dir, "libcamera-vid", 0, "", 0);
		try (PiCameraSource source = new PiCameraSource(settings("picamera:0", 0, 0, 20, 80),
				PiCameraProperties.defaults(), "/nonexistent:" + this.dir)) {
			source.open();
			source.grabEncoded();
		}
		assertThat(program.starts()).isOne();
	}

	@Test
	void aMissingProgramSaysWhatToInstall() {
		try (PiCameraSource source = new PiCameraSource(settings("picamera:0", 0, 0, 20, 80),
				PiCameraProperties.defaults(), this.dir.toString())) {
			assertThatExceptionOfType(IOException.class).isThrownBy(source::open)
				.withMessage("rpicam-vid (or libcamera-vid) is not installed: install rpicam-apps "
						+ "(sudo apt install rpicam-apps), or set camdash.picamera.program");
		}
		try (PiCameraSource source = new PiCameraSource(settings("picamera:0", 0, 0, 20, 80),
				new PiCameraProperties("my-camera-tool", Codec.MJPEG), this.dir.toString())) {
			assertThatExceptionOfType(IOException.class).isThrownBy(source::open)
				.withMessage("my-camera-tool is not installed or not executable (camdash.picamera.program)");
		}
	}

	@Test
	void errorLinesAreCleanedForTheNoSignalCard() {
		assertThat(CameraProgram.sanitized("\u001b[31mERROR: *** no cameras available ***\u001b[0m\r"))
			.isEqualTo("no cameras available");
		assertThat(CameraProgram.sanitized("ERROR: *** no cameras available ***")).isEqualTo("no cameras available");
		assertThat(CameraProgram.sanitized("x".repeat(300))).hasSize(201);
	}

	@Test
	void theProgramSettingMustBeANameOrAnExecutableFile() throws Exception {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PiCameraProperties("/nonexistent/rpicam-vid", Codec.MJPEG))
			.withMessage("camdash.picamera.program: '/nonexistent/rpicam-vid' is not an executable file");
		assertThatIllegalArgumentException().isThrownBy(() -> new PiCameraProperties("rpicam-vid; reboot", Codec.MJPEG))
			.withMessageContaining("must be a program name (such as rpicam-vid) or an absolute path");
		Path notExecutable = Files.writeString(this.dir.resolve("tool"), "#!/bin/sh\n");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PiCameraProperties(notExecutable.toString(), Codec.MJPEG));
		assertThat(new PiCameraProperties("  ", null).program()).isEqualTo("rpicam-vid");
	}

	@Test
	void theSourceValueNamesACameraModuleByIndex() {
		assertThat(SourceSpec.of("picamera:1")).isEqualTo(new SourceSpec(SourceSpec.Kind.PI_CAMERA, "1"));
		assertThat(SourceSpec.of("picamera:1").describe()).isEqualTo("picamera:1");
		assertThatIllegalArgumentException().isThrownBy(() -> SourceSpec.of("picamera:front"))
			.withMessageContaining("must be the index of a Raspberry Pi camera such as picamera:0");
	}

	private static int colourIndex(StandInCameraProgram program, byte[] jpeg) {
		for (int i = 0; i < 3; i++) {
			if (java.util.Arrays.equals(program.frame(i), jpeg)) {
				return i;
			}
		}
		return -1;
	}

	private PiCameraSource source(String program, String source, int width, int height, int fps, int quality) {
		return new PiCameraSource(settings(source, width, height, fps, quality),
				new PiCameraProperties(program, Codec.MJPEG), "/usr/bin:/bin");
	}

	private PiCameraSource h264Source(StandInCameraProgram program, int width, int height, int fps) {
		return new PiCameraSource(settings("picamera:0", width, height, fps, 80),
				new PiCameraProperties(program.path().toString(), Codec.H264), "/usr/bin:/bin");
	}

	private static SourceSettings settings(String source, int width, int height, int fps, int quality) {
		return new SourceSettings("Pi", SourceSpec.of(source), width, height, fps, quality, Duration.ofSeconds(2));
	}

}
