package io.camdash.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.camdash.support.MjpegClient;
import io.camdash.support.MjpegClient.Part;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames are skipped, never queued: tested with reduced frames off, since a slow viewer
 * would otherwise soon get reduced frames it can keep up with (see
 * {@link ReducedFramesIntegrationTests}).
 */
// Full frames only, through a 16KB send buffer: what is measured is skipping rather than
// queueing, which the buffer's size bounds (64KB would hold a 50 KB/s viewer about 2 s
// behind; by default it is switched to reduced frames and a 4KB buffer instead).
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camdash.cameras[0].id=cam", "camdash.cameras[0].fps=10",
				"camdash.streaming.reduced.automatic=false", "camdash.streaming.socket-send-buffer=16KB" })
class ConcurrentViewersIntegrationTests {

	private static final int CAMERA_FPS = 10;

	private static final long WINDOW_MILLIS = 5000;

	@LocalServerPort
	private int port;

	@Test
	void twentyViewersAllGetTheCamerasRate() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Future<List<Part>>> viewers = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				viewers.add(pool.submit(watch(
						() -> MjpegClient.open(this.port, "/stream.mjpg", TestUsers.basicAuth(TestUsers.ADMIN)))));
			}
			for (Future<List<Part>> viewer : viewers) {
				List<Part> parts = viewer.get(30, TimeUnit.SECONDS);
				assertThat(parts).allMatch(Part::isCompleteJpeg);
				// 10 fps for 5 s is 50 frames; allow for start-up and a loaded 2-core
				// machine.
				assertThat(parts.size()).isGreaterThanOrEqualTo(35);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aSlowViewerSkipsFramesStaysCurrentAndDoesNotSlowAFastOne() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			// 640x480 frames of ~20 KB at 10 fps is ~200 KB/s; the slow viewer takes 50
			// KB/s.
			Future<List<Part>> slow = pool.submit(watch(() -> MjpegClient.openSlow(this.port, "/stream.mjpg", 50_000,
					TestUsers.basicAuth(TestUsers.ADMIN))));
			Future<List<Part>> fast = pool
				.submit(watch(() -> MjpegClient.open(this.port, "/stream.mjpg", TestUsers.basicAuth(TestUsers.ADMIN))));
			List<Part> slowParts = slow.get(30, TimeUnit.SECONDS);
			List<Part> fastParts = fast.get(30, TimeUnit.SECONDS);
			assertThat(fastParts.size()).isGreaterThanOrEqualTo(40);
			assertThat(slowParts).isNotEmpty().allMatch(Part::isCompleteJpeg);
			assertThat(slowParts.size()).as("the slow viewer skips frames").isLessThan(fastParts.size() * 2 / 3);
			// A queueing server would let the slow viewer fall further behind with every
			// frame (about 3 s
			// after 5 s here); a skipping one keeps it within what the socket buffers
			// hold.
			Part lastSlow = slowParts.get(slowParts.size() - 1);
			assertThat(lastSlow.latencyMillis()).as("latency of the slow viewer's last frame").isLessThan(1500);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Callable<List<Part>> watch(Callable<MjpegClient> connect) {
		return () -> {
			try (MjpegClient client = connect.call()) {
				assertThat(client.status()).isEqualTo(200);
				List<Part> parts = new ArrayList<>();
				long end = System.currentTimeMillis() + WINDOW_MILLIS;
				while (System.currentTimeMillis() < end) {
					parts.add(client.nextPart());
				}
				return parts;
			}
		};
	}

}
