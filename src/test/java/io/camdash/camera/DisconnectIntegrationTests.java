package io.camdash.camera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.camdash.support.MjpegClient;
import io.camdash.support.TestUsers;
import io.camdash.support.TwoCamerasTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TwoCamerasTest
@ExtendWith(OutputCaptureExtension.class)
class DisconnectIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private CameraRegistry cameras;

	@Test
	void twoHundredAbruptDisconnectsLeaveNoViewerAndNoThreadBehind(CapturedOutput output) throws Exception {
		Camera camera = this.cameras.first();
		connectAndAbort(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> camera.demand().viewers() == 0);
		await().atMost(Duration.ofSeconds(20)).until(() -> streamThreads() == 0);
		long baseline = threadsOutsideJettysPool();

		connectAndAbort(200);

		await().atMost(Duration.ofSeconds(20)).until(() -> camera.demand().viewers() == 0);
		await().atMost(Duration.ofSeconds(20)).until(() -> streamThreads() == 0);
		await().atMost(Duration.ofSeconds(20)).until(() -> threadsOutsideJettysPool() <= baseline + 2);
		assertThat(output.getAll()).doesNotContain("Broken pipe").doesNotContain(" ERROR ");
	}

	private void connectAndAbort(int count) throws Exception {
		List<MjpegClient> clients = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				MjpegClient client = MjpegClient.open(this.port, "/stream.mjpg", TestUsers.basicAuth(TestUsers.ADMIN));
				clients.add(client);
				assertThat(client.status()).isEqualTo(200);
				assertThat(client.nextPart().isCompleteJpeg()).isTrue();
			}
			assertThat(this.cameras.first().demand().viewers()).isEqualTo(count);
		}
		finally {
			for (MjpegClient client : clients) {
				client.abort();
			}
		}
	}

	/**
	 * Jetty keeps idle request workers for a minute by design: every other thread must
	 * go.
	 */
	private static long threadsOutsideJettysPool() {
		return Thread.getAllStackTraces().keySet().stream().filter((t) -> !t.getName().startsWith("qtp")).count();
	}

	private long streamThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((t) -> t.getName().startsWith("camdash-stream-"))
			.count();
	}

}
