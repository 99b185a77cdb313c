package io.camdash.camera;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.camdash.support.MjpegClient;
import io.camdash.support.MjpegClient.Part;
import io.camdash.support.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Viewers on slow links get reduced frames, encoded only while someone gets them.
 * Test-pattern cameras make 640x480 frames of about 20 KB (reduced: 320x240, a few KB) at
 * 20 fps, 400 KB/s; the slow viewer reads 30 KB/s. Short judging windows keep the tests
 * quick.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camdash.cameras[0].id=cam", "camdash.cameras[0].fps=20", "camdash.cameras[1].id=quiet",
				"camdash.cameras[1].fps=20", "camdash.streaming.reduced.window=500ms",
				"camdash.streaming.reduced.retry-after=1s", "logging.level.io.camdash.camera.MjpegViewer=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class ReducedFramesIntegrationTests {

	private static final int FULL_WIDTH = 640;

	private static final int REDUCED_WIDTH = 320;

	private static final int SLOW_BYTES_PER_SECOND = 30_000;

	private static final Duration SWITCH_TIMEOUT = Duration.ofSeconds(20);

	@LocalServerPort
	private int port;

	@Autowired
	private CameraRegistry cameras;

	@Autowired
	private MeterRegistry meters;

	@Test
	void aViewerOnASlowLinkGetsFreshReducedFramesWhileAFastViewerKeepsFullOnes(CapturedOutput output) throws Exception {
		Camera camera = this.cameras.require("cam");
		try (FastViewer fast = new FastViewer(open("/cameras/cam/stream.mjpg"));
				MjpegClient slow = MjpegClient.openSlow(this.port, "/cameras/cam/stream.mjpg", SLOW_BYTES_PER_SECOND,
						TestUsers.basicAuth(TestUsers.ADMIN))) {
			awaitPart(slow, (part) -> width(part) == REDUCED_WIDTH);
			List<Part> reduced = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				reduced.add(slow.nextPart());
			}
			assertThat(reduced).allSatisfy((part) -> {
				assertThat(part.isCompleteJpeg()).isTrue();
				assertThat(width(part)).isEqualTo(REDUCED_WIDTH);
			});
			assertThat(reduced.get(4).timestampMicros()).isGreaterThan(reduced.get(0).timestampMicros());
			// A full frame queued behind full socket buffers would arrive seconds late at
			// this rate.
			assertThat(reduced.get(4).latencyMillis()).as("latency of the slow viewer's last frame").isLessThan(1500);
			assertThat(camera.demand().reducedViewers()).isOne();
			assertThat(get("/cameras/cam/status")).contains("\"viewers\":2", "\"reducedViewers\":1");
			assertThat(fast.widths()).containsOnly(FULL_WIDTH);
			assertThat(fast.framesRead()).isGreaterThan(20);
		}
		assertThat(output.getAll()).containsPattern("Viewer of camera 'cam' took \\d+% of its frames: reduced frames");
		await().atMost(SWITCH_TIMEOUT).until(() -> camera.demand().reducedViewers() == 0);
	}

	@Test
	void aSlowViewerWhoseLinkRecoversGetsFullFramesAgain(CapturedOutput output) throws Exception {
		Camera camera = this.cameras.require("cam");
		try (MjpegClient viewer = MjpegClient.openSlow(this.port, "/cameras/cam/stream.mjpg", SLOW_BYTES_PER_SECOND,
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			awaitPart(viewer, (part) -> width(part) == REDUCED_WIDTH);

			viewer.readRate(0);

			// It keeps up with reduced frames for retry-after (1 s), then tries full ones
			// and keeps up again.
			awaitPart(viewer, (part) -> width(part) == FULL_WIDTH);
			for (int i = 0; i < 20; i++) {
				assertThat(width(viewer.nextPart())).isEqualTo(FULL_WIDTH);
			}
			assertThat(camera.demand().reducedViewers()).isZero();
		}
		assertThat(output.getAll())
			.containsPattern("Viewer of camera 'cam' kept up with reduced frames \\(\\d+%\\): full size again");
	}

	@Test
	void reducedFramesAreEncodedOnlyWhileSomeViewerGetsThem() throws Exception {
		Camera quiet = this.cameras.require("quiet");
		try (FastViewer fast = new FastViewer(open("/cameras/quiet/stream.mjpg"))) {
			await().atMost(SWITCH_TIMEOUT).until(() -> fast.framesRead() >= 20);
			assertThat(reducedEncodes()).isZero();

			try (MjpegClient reduced = open("/cameras/quiet/stream.mjpg?size=reduced")) {
				awaitPart(reduced, (part) -> width(part) == REDUCED_WIDTH);
				for (int i = 0; i < 5; i++) {
					assertThat(width(reduced.nextPart())).isEqualTo(REDUCED_WIDTH);
				}
				assertThat(quiet.demand().reducedViewers()).isOne();
				assertThat(reducedEncodes()).isPositive();
				assertThat(reducedFramesSent()).isGreaterThanOrEqualTo(5);
			}

			await().atMost(SWITCH_TIMEOUT).until(() -> quiet.demand().reducedViewers() == 0);
			// The capture thread may have been encoding one more when the count dropped.
			long seen = fast.framesRead();
			await().atMost(SWITCH_TIMEOUT).until(() -> fast.framesRead() >= seen + 2);
			double encoded = reducedEncodes();
			long before = fast.framesRead();
			await().atMost(SWITCH_TIMEOUT).until(() -> fast.framesRead() >= before + 20);
			assertThat(reducedEncodes()).isEqualTo(encoded);
			assertThat(fast.widths()).containsOnly(FULL_WIDTH);
		}
	}

	@Test
	void aViewerThatAskedForFullFramesKeepsThemOnASlowLink() throws Exception {
		try (MjpegClient viewer = MjpegClient.openSlow(this.port, "/cameras/quiet/stream.mjpg?size=full",
				SLOW_BYTES_PER_SECOND, TestUsers.basicAuth(TestUsers.ADMIN))) {
			for (int i = 0; i < 3; i++) {
				assertThat(width(viewer.nextPart())).isEqualTo(FULL_WIDTH);
			}
			assertThat(this.cameras.require("quiet").demand().reducedViewers()).isZero();
		}
	}

	private double reducedEncodes() {
		return this.meters.get("camdash.camera.reduced.encode").tag("camera", "quiet").timer().count();
	}

	private double reducedFramesSent() {
		return this.meters.get("camdash.camera.reduced.frames.sent").tag("camera", "quiet").counter().count();
	}

	private MjpegClient open(String path) throws IOException {
		MjpegClient client = MjpegClient.open(this.port, path, TestUsers.basicAuth(TestUsers.ADMIN));
		assertThat(client.status()).isEqualTo(200);
		return client;
	}

	/**
	 * Reads parts until one matches; the frame size changes within a few judging windows.
	 */
	private static Part awaitPart(MjpegClient client, Predicate<Part> wanted) {
		AtomicReference<Part> found = new AtomicReference<>();
		await().atMost(SWITCH_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
			Part part = client.nextPart();
			found.set(part);
			return wanted.test(part);
		});
		return found.get();
	}

	/** The width in a JPEG's header. */
	private static int width(Part part) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(part.body()))) {
			ImageReader reader = ImageIO.getImageReaders(input).next();
			try {
				reader.setInput(input);
				return reader.getWidth(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", TestUsers.ADMIN.authorization())
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	/**
	 * A viewer that reads every part as it comes, on its own thread, as a viewer on a
	 * good link does: one left unread for a moment would fall behind, and rightly get
	 * reduced frames.
	 */
	private static final class FastViewer implements AutoCloseable {

		private final MjpegClient client;

		private final Set<Integer> widths = ConcurrentHashMap.newKeySet();

		private final Thread reader;

		private volatile long framesRead;

		FastViewer(MjpegClient client) {
			this.client = client;
			this.reader = new Thread(this::read, "fast-viewer");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		private void read() {
			try {
				while (true) {
					this.widths.add(width(this.client.nextPart()));
					this.framesRead++;
				}
			}
			catch (IOException | RuntimeException ex) {
				// Closed by the test.
			}
		}

		long framesRead() {
			return this.framesRead;
		}

		Set<Integer> widths() {
			return Set.copyOf(this.widths);
		}

		@Override
		public void close() throws Exception {
			this.client.close();
			this.reader.join(5000);
		}

	}

}
