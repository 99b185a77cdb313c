package io.camdash.camera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.camdash.support.MjpegClient;
import io.camdash.support.TwoCamerasTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Viewers that arrive right after others left (a page reloaded, Home Assistant
 * reconnecting) get the camera's frame rate at once: nothing the leaving viewers left
 * behind slows them.
 */
@TwoCamerasTest
class ViewerBatchesIntegrationTests {

	private static final int VIEWERS = 30;

	private static final Duration WATCH = Duration.ofSeconds(2);

	@LocalServerPort
	private int port;

	@Test
	void eachBatchOfViewersAfterTheLastOneLeftGetsTheCamerasFrameRate() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(VIEWERS);
		try {
			for (int batch = 1; batch <= 3; batch++) {
				List<Future<Integer>> viewers = new ArrayList<>();
				for (int i = 0; i < VIEWERS; i++) {
					viewers.add(threads.submit(this::framesInTwoSeconds));
				}
				for (Future<Integer> viewer : viewers) {
					// Camera "cam" runs at 20 fps: 40 frames in 2 s. Half of that leaves
					// room for a loaded machine; the fault this guards against gave a
					// tenth.
					assertThat(viewer.get()).as("frames of one viewer of batch %d in %s", batch, WATCH)
						.isGreaterThanOrEqualTo(20);
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** Opens a stream, counts the frames that arrive in two seconds, closes it. */
	private int framesInTwoSeconds() throws Exception {
		// The camera's token, as Home Assistant would: no password hash per request.
		try (MjpegClient client = MjpegClient.open(this.port,
				"/cameras/cam/stream.mjpg?token=" + TwoCamerasTest.TOKEN)) {
			assertThat(client.status()).isEqualTo(200);
			assertThat(client.nextPart().isCompleteJpeg()).isTrue();
			long end = System.nanoTime() + WATCH.toNanos();
			int frames = 0;
			while (System.nanoTime() < end) {
				assertThat(client.nextPart().isCompleteJpeg()).isTrue();
				frames++;
			}
			return frames;
		}
	}

}
