package io.camdash.camera;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.camdash.support.CamerasWithoutSignalTest;
import io.camdash.support.MjpegClient;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * There is no camera on a build machine: the device source's failure path, and everything
 * else working.
 */
@CamerasWithoutSignalTest
class MissingDeviceIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private CameraRegistry cameras;

	@BeforeAll
	static void thereIsNoCamera() {
		assertThat(Files.exists(Path.of("/dev/video0"))).as("this test needs a machine without /dev/video0").isFalse();
	}

	@Test
	void aMissingDeviceIsDownWithItsReasonWhileOtherCamerasServe() throws Exception {
		HttpResponse<String> still = get("/cameras/usb/snapshot.jpg");
		assertThat(still.statusCode()).isEqualTo(503);
		assertThat(still.body()).contains("no video device /dev/video0");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.cameras.require("usb").state() == CameraState.NO_SIGNAL);
		HttpResponse<String> health = get("/actuator/health/cameras/usb");
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("\"status\":\"DOWN\"", "no video device /dev/video0");

		try (MjpegClient viewer = MjpegClient.open(this.port, "/cameras/cam/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			assertThat(viewer.nextPart().isCompleteJpeg()).isTrue();
			assertThat(get("/actuator/health/cameras/cam").body()).contains("\"status\":\"UP\"", "\"state\":\"LIVE\"");
		}
		assertThat(get("/cameras/usb").statusCode()).isEqualTo(200);
	}

	@Test
	void metricsCountFramesPerCamera() throws Exception {
		try (MjpegClient viewer = MjpegClient.open(this.port, "/cameras/cam/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			for (int i = 0; i < 3; i++) {
				viewer.nextPart();
			}
			assertThat(get("/actuator/metrics/camdash.camera.viewers?tag=camera:cam").body()).contains("\"value\":1.0");
		}
		assertThat(get("/actuator/metrics/camdash.camera.frames.captured?tag=camera:cam").body())
			.containsPattern("\"value\":[1-9]");
		assertThat(get("/actuator/metrics/camdash.camera.frames.sent?tag=camera:cam").body())
			.containsPattern("\"value\":[1-9]");
		assertThat(get("/actuator/metrics/camdash.camera.encode?tag=camera:cam").body()).contains("\"COUNT\"");
		assertThat(get("/actuator/metrics/camdash.camera.frames.skipped").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", TestUsers.ADMIN.authorization())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
