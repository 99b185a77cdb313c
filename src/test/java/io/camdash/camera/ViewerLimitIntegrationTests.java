package io.camdash.camera;

import java.io.IOException;

import io.camdash.support.MjpegClient;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "camdash.streaming.max-viewers=2")
class ViewerLimitIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private CameraRegistry cameras;

	@Autowired
	private ViewerLimiter limiter;

	@Test
	void viewersPastTheLimitGetAClear503AndTheirPlaceFreesWhenOneLeaves() throws IOException {
		try (MjpegClient first = MjpegClient.open(this.port, "/stream.mjpg", TestUsers.basicAuth(TestUsers.ADMIN));
				MjpegClient second = MjpegClient.open(this.port, "/stream.mjpg",
						TestUsers.basicAuth(TestUsers.ADMIN))) {
			first.nextPart();
			second.nextPart();
			try (MjpegClient third = MjpegClient.open(this.port, "/stream.mjpg",
					TestUsers.basicAuth(TestUsers.ADMIN))) {
				assertThat(third.status()).isEqualTo(503);
				assertThat(third.bodyText(300)).contains("Too many viewers");
			}
			first.abort();
			await().atMost(java.time.Duration.ofSeconds(10)).until(() -> this.cameras.first().demand().viewers() == 1);
			try (MjpegClient fourth = MjpegClient.open(this.port, "/stream.mjpg",
					TestUsers.basicAuth(TestUsers.ADMIN))) {
				assertThat(fourth.status()).isEqualTo(200);
				assertThat(fourth.nextPart().isCompleteJpeg()).isTrue();
			}
		}
		// Every place comes back exactly once: released both when a viewer leaves and
		// when its request ends.
		await().atMost(java.time.Duration.ofSeconds(10)).until(() -> this.cameras.first().demand().viewers() == 0);
		await().atMost(java.time.Duration.ofSeconds(10)).until(() -> this.limiter.available() == 2);
		assertThat(this.limiter.available()).isEqualTo(2);
	}

}
