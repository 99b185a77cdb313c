package io.camdash.camera.source;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FrameSourcesTests {

	private final FrameSourceFactory factory = new FrameSourceFactory(PiCameraProperties.defaults());

	@TempDir
	Path dir;

	@Test
	void aFolderPlaysItsImagesInNameOrderAndLoops() throws Exception {
		TestMedia.writeImage(this.dir.resolve("b.png"), TestMedia.COLOURS.get(1));
		TestMedia.writeImage(this.dir.resolve("a.jpg"), TestMedia.COLOURS.get(0));
		TestMedia.writeImage(this.dir.resolve("c.jpeg"), TestMedia.COLOURS.get(2));
		Files.writeString(this.dir.resolve("notes.txt"), "not an image");
		Files.writeString(this.dir.resolve("broken.png"), "not a PNG either");
		assertThat(colours(settings("folder:" + this.dir), 7)).containsExactly(0, 1, 2, 0, 1, 2, 0);
	}

	@Test
	void aFolderPicksUpImagesAddedWhilePlaying() throws Exception {
		TestMedia.writeImage(this.dir.resolve("a.png"), TestMedia.COLOURS.get(0));
		try (FrameSource source = this.factory.create(settings("folder:" + this.dir))) {
			source.open();
			assertThat(TestMedia.colourOf(source.grab())).isEqualTo(0);
			TestMedia.writeImage(this.dir.resolve("b.png"), TestMedia.COLOURS.get(1));
			assertThat(TestMedia.colourOf(source.grab())).isEqualTo(0);
			assertThat(TestMedia.colourOf(source.grab())).isEqualTo(1);
		}
	}

	@Test
	void aVideoFileLoopsAtItsOwnFrameRate() throws Exception {
		Path video = this.dir.resolve("clip.avi");
		TestMedia.writeVideo(video, 2);
		SourceSettings settings = settings("file:" + video);
		try (FrameSource source = this.factory.create(settings)) {
			source.open();
			assertThat(source.frameIntervalNanos()).isEqualTo(Duration.ofMillis(100).toNanos());
		}
		// 3 colours x 2 frames, played twice and a bit.
		assertThat(colours(settings, 14)).containsExactly(0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2, 0, 0);
	}

	@Test
	void aMissingDeviceFailsWithAReasonAPersonCanActOn() {
		assertThat(Files.exists(Path.of("/dev/video7"))).as("this test needs a machine without /dev/video7").isFalse();
		try (FrameSource source = this.factory.create(settings("device:7"))) {
			assertThatExceptionOfType(IOException.class).isThrownBy(source::open)
				.withMessageContaining("no video device /dev/video7");
		}
	}

	@Test
	void anUnreachableNetworkCameraFailsWithItsAddressButNotItsSecrets() {
		// The message reaches VIEWERs (status, NO SIGNAL card): scheme, host and path
		// only.
		try (FrameSource source = this.factory
			.create(settings("http://user:secret@127.0.0.1:9/stream.mjpg?api_key=key-secret"))) {
			assertThatExceptionOfType(IOException.class).isThrownBy(source::open)
				.withMessageContaining("http://127.0.0.1:9/stream.mjpg")
				.withMessageNotContaining("secret")
				.withMessageNotContaining("user");
		}
	}

	@Test
	void aCameraThatDoesNotAnswerHoldsUpNoOtherCamerasOpening() throws Exception {
		Path video = this.dir.resolve("other.avi");
		TestMedia.writeVideo(video, 1);
		// An RTSP "camera" that takes the connection and never says a word.
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				FrameSource stuck = this.factory.create(
						new SourceSettings("Stuck", SourceSpec.of("rtsp://127.0.0.1:" + silent.getLocalPort() + "/cam"),
								0, 0, 10, 80, Duration.ofSeconds(30)));
				FrameSource other = this.factory.create(settings("file:" + video))) {
			CompletableFuture<Void> opening = CompletableFuture.runAsync(() -> {
				try {
					stuck.open();
				}
				catch (IOException ex) {
					// Closed at the end of the test.
				}
			});
			try (Socket accepted = silent.accept()) {
				long started = System.nanoTime();
				other.open();
				assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the other camera's opening")
					.isLessThan(Duration.ofSeconds(10));
				assertThat(opening).as("the silent camera is still opening").isNotDone();
			}
		}
	}

	@Test
	void aRefusedCameraIsSaidInCamdashsWordsNotFfmpegs() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		try (FrameSource source = this.factory.create(settings("rtsp://127.0.0.1:" + port + "/cam"))) {
			assertThatExceptionOfType(IOException.class).isThrownBy(source::open)
				.withMessage("cannot open rtsp://127.0.0.1:" + port
						+ "/cam: connection refused: nothing answers at that address and port");
		}
	}

	@Test
	void aFileThatIsNoVideoIsSaidInCamdashsWords(@TempDir Path folder) throws Exception {
		Path file = Files.write(folder.resolve("notes.mp4"), "not a video".getBytes(StandardCharsets.US_ASCII));
		try (FrameSource source = this.factory.create(settings("file:" + file))) {
			assertThatExceptionOfType(IOException.class).isThrownBy(source::open)
				.withMessageEndingWith(": not a video camdash can read (invalid data)")
				.withMessageNotContaining("avformat")
				.withMessageNotContaining("error -");
		}
	}

	@Test
	void theTestPatternMovesFromFrameToFrame() throws Exception {
		try (FrameSource source = this.factory.create(settings("test-pattern"))) {
			source.open();
			Mat first = source.grab().clone();
			Mat second = source.grab();
			assertThat(second.cols()).isEqualTo(640);
			assertThat(second.rows()).isEqualTo(480);
			try (Mat difference = new Mat()) {
				org.bytedeco.opencv.global.opencv_core.absdiff(first, second, difference);
				assertThat(org.bytedeco.opencv.global.opencv_core.sumElems(difference).get(0)).isPositive();
			}
			first.close();
		}
	}

	private List<Integer> colours(SourceSettings settings, int frames) throws Exception {
		List<Integer> colours = new ArrayList<>();
		try (FrameSource source = this.factory.create(settings)) {
			source.open();
			for (int i = 0; i < frames; i++) {
				colours.add(TestMedia.colourOf(source.grab()));
			}
		}
		return colours;
	}

	static SourceSettings settings(String source) {
		return new SourceSettings("Test", SourceSpec.of(source), 0, 0, 10, 80, Duration.ofSeconds(2));
	}

}
