package io.camdash.camera;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.camdash.support.MjpegClient;
import io.camdash.support.MjpegClient.Part;
import io.camdash.support.TestUsers;
import io.camdash.support.TwoCamerasTest;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

@TwoCamerasTest
class MjpegStreamIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void everyPartIsACompleteJpegWhoseTimestampAdvances() throws IOException {
		try (MjpegClient client = MjpegClient.open(this.port, "/cameras/cam/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			assertThat(client.status()).isEqualTo(200);
			assertThat(client.header("Content-Type")).startsWith("multipart/x-mixed-replace").contains("boundary=");
			assertThat(client.header("Cache-Control")).contains("no-store", "no-cache", "must-revalidate");
			assertThat(client.header("Pragma")).isEqualTo("no-cache");
			assertThat(client.header("X-Accel-Buffering")).isEqualTo("no");
			List<Part> parts = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				parts.add(client.nextPart());
			}
			for (int i = 0; i < parts.size(); i++) {
				Part part = parts.get(i);
				assertThat(part.headers()).containsEntry("content-type", "image/jpeg");
				assertThat(part.isCompleteJpeg()).as("part %d is a whole JPEG", i).isTrue();
				if (i > 0) {
					assertThat(part.timestampMicros()).as("part %d is a newer frame", i)
						.isGreaterThan(parts.get(i - 1).timestampMicros());
				}
			}
			try (Mat image = imdecode(new Mat(new BytePointer(parts.get(29).body())), IMREAD_COLOR)) {
				assertThat(image.cols()).isEqualTo(640);
				assertThat(image.rows()).isEqualTo(480);
			}
		}
	}

	/**
	 * HTTP/1.1 viewers get frames straight on Jetty's connection; others through the
	 * servlet stream.
	 */
	@Test
	void anHttp10ViewerGetsFramesThroughTheServletStream() throws IOException {
		try (MjpegClient client = MjpegClient.openHttp10(this.port, "/cameras/cam/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			assertThat(client.status()).isEqualTo(200);
			long previous = client.nextPart().timestampMicros();
			for (int i = 0; i < 5; i++) {
				MjpegClient.Part part = client.nextPart();
				assertThat(part.isCompleteJpeg()).isTrue();
				assertThat(part.timestampMicros()).isGreaterThan(previous);
				previous = part.timestampMicros();
			}
		}
	}

	/**
	 * A sender thread ended by an interrupt once stayed registered, so no later viewer
	 * got a frame.
	 */
	@Test
	void aViewerAfterTheSenderThreadWasInterruptedStillGetsFrames() throws Exception {
		try (MjpegClient first = MjpegClient.open(this.port, "/cameras/second/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			assertThat(first.nextPart().isCompleteJpeg()).isTrue();
			Thread sender = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> thread.getName().equals("camdash-send-second"))
				.findFirst()
				.orElseThrow();
			sender.interrupt();
			sender.join(5000);
			assertThat(sender.isAlive()).isFalse();
		}
		try (MjpegClient later = MjpegClient.open(this.port, "/cameras/second/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			assertThat(later.status()).isEqualTo(200);
			assertThat(later.nextPart().isCompleteJpeg()).isTrue();
			assertThat(later.nextPart().isCompleteJpeg()).isTrue();
		}
	}

	@Test
	void theFirstCameraStreamsAtTheShortUrl() throws IOException {
		try (MjpegClient client = MjpegClient.open(this.port, "/stream.mjpg", TestUsers.basicAuth(TestUsers.ADMIN))) {
			assertThat(client.status()).isEqualTo(200);
			assertThat(client.nextPart().isCompleteJpeg()).isTrue();
		}
	}

	@Test
	void fpsCapsOneViewersRate() throws IOException {
		try (MjpegClient client = MjpegClient.open(this.port, "/cameras/cam/stream.mjpg?fps=4",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			long previous = client.nextPart().timestampMicros();
			for (int i = 0; i < 5; i++) {
				long current = client.nextPart().timestampMicros();
				// At most 4 per second although the camera makes 20: frames at least ~250
				// ms apart.
				assertThat(current - previous).isGreaterThan(200_000);
				previous = current;
			}
		}
	}

	@Test
	void anOutOfRangeFpsIsABadRequest() throws Exception {
		assertThat(get("/cameras/cam/stream.mjpg?fps=0").statusCode()).isEqualTo(400);
		assertThat(get("/cameras/cam/stream.mjpg?fps=abc").statusCode()).isEqualTo(400);
	}

	@Test
	void anUnknownFrameSizeIsABadRequest() throws Exception {
		HttpResponse<String> response = get("/cameras/cam/stream.mjpg?size=huge");
		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void unknownCamerasAreNotFound() throws Exception {
		for (String path : List.of("/cameras/nope/stream.mjpg", "/cameras/nope/snapshot.jpg", "/cameras/nope",
				"/cameras/nope/status")) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).doesNotContain("Exception", "at io.camdash");
		}
	}

	@Test
	void aStillIsOneFreshJpeg() throws Exception {
		HttpResponse<byte[]> response = this.http.send(request("/cameras/second/snapshot.jpg"),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		Part still = new Part(
				java.util.Map.of("x-timestamp", response.headers().firstValue("X-Timestamp").orElseThrow()),
				response.body(), System.currentTimeMillis(), 0, 0);
		assertThat(still.isCompleteJpeg()).isTrue();
		assertThat(still.latencyMillis()).isBetween(0L, 2000L);
	}

	@Test
	void theStatusApiDescribesACamera() throws Exception {
		try (MjpegClient client = MjpegClient.open(this.port, "/cameras/cam/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			client.nextPart();
			HttpResponse<String> response = get("/cameras/cam/status");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"id\":\"cam\"", "\"state\":\"LIVE\"", "\"width\":640",
					"\"height\":480", "\"viewers\":1");
		}
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(request(path), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", TestUsers.ADMIN.authorization())
			.build();
	}

}
