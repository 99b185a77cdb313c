package io.camdash.camera;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.camdash.support.FakeIpCamera;
import io.camdash.support.MjpegClient;
import io.camdash.support.TestUsers;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An MJPEG network camera's own JPEGs reach viewers, stills and photos byte for byte when
 * nothing is drawn on them; a camera with the overlay on decodes and encodes its frames.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class JpegPassThroughIntegrationTests {

	private static final FakeIpCamera ipCamera = start();

	@LocalServerPort
	private int port;

	@Autowired
	private CameraRegistry cameras;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void cameras(DynamicPropertyRegistry registry) {
		registry.add("camdash.cameras[0].id", () -> "plain");
		registry.add("camdash.cameras[0].source", () -> ipCamera.url("/stream.mjpg"));
		registry.add("camdash.cameras[0].overlay", () -> "false");
		registry.add("camdash.cameras[1].id", () -> "drawn");
		registry.add("camdash.cameras[1].source", () -> ipCamera.url("/stream.mjpg"));
		registry.add("camdash.cameras[1].overlay", () -> "true");
	}

	@AfterAll
	static void stopCamera() {
		ipCamera.close();
	}

	@Test
	void viewersGetTheCamerasOwnJpegWhenNothingIsDrawnOnIt() throws IOException {
		try (MjpegClient viewer = MjpegClient.open(this.port, "/cameras/plain/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			for (int i = 0; i < 3; i++) {
				assertThat(viewer.nextPart().body()).isEqualTo(ipCamera.jpeg());
			}
			assertThat(status("plain")).contains("\"passThrough\":true");
		}
	}

	@Test
	void stillsAreTheCamerasOwnJpegToo() throws Exception {
		HttpResponse<byte[]> still = this.http.send(request("/cameras/plain/snapshot.jpg").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(still.statusCode()).isEqualTo(200);
		assertThat(still.body()).isEqualTo(ipCamera.jpeg());
	}

	@Test
	void withTheOverlayOnFramesAreDecodedDrawnOnAndEncoded() throws IOException {
		try (MjpegClient viewer = MjpegClient.open(this.port, "/cameras/drawn/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			MjpegClient.Part part = viewer.nextPart();
			assertThat(part.isCompleteJpeg()).isTrue();
			assertThat(part.body()).isNotEqualTo(ipCamera.jpeg());
			assertThat(status("drawn")).contains("\"passThrough\":false");
		}
	}

	@Test
	void aConsumerThatReadsPixelsGetsThemWhileViewersStillGetTheCamerasJpeg() throws Exception {
		Camera camera = this.cameras.require("plain");
		PixelReader reader = new PixelReader();
		camera.attach(reader);
		try {
			LatestFrame frame = reader.awaitFrame(Duration.ofSeconds(20));
			assertThat(frame.jpeg()).isEqualTo(ipCamera.jpeg());
			assertThat(reader.width).isEqualTo(160);
			assertThat(reader.height).isEqualTo(120);
		}
		finally {
			camera.detach(reader);
		}
	}

	private String status(String camera) {
		try {
			return this.http
				.send(request("/cameras/" + camera + "/status").build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", TestUsers.ADMIN.authorization());
	}

	private static FakeIpCamera start() {
		try {
			return new FakeIpCamera();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A consumer that reads the decoded image, as H.264 live view does. */
	private static final class PixelReader implements FrameConsumer {

		private volatile LatestFrame frame;

		private volatile int width;

		private volatile int height;

		@Override
		public void frame(Mat image, LatestFrame frame) {
			if (image != null && frame.live()) {
				this.width = image.cols();
				this.height = image.rows();
				this.frame = frame;
			}
		}

		LatestFrame awaitFrame(Duration timeout) {
			await().atMost(timeout).until(() -> this.frame != null);
			return this.frame;
		}

	}

}
