package io.camdash.camera;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camdash.camera.source.FrameSourceFactory;
import io.camdash.camera.source.PiCameraProperties;
import io.camdash.support.CameraSettingsBuilder;
import io.camdash.support.TestStreamingProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CameraLifecycleTests {

	private final CameraRegistry registry = new CameraRegistry(
			new CamerasProperties(List.of(CameraSettingsBuilder.camera("lifecycle")
				.name("Cam")
				.size(320, 240)
				.fps(20)
				.idleTimeout(Duration.ofMillis(500))
				.build())),
			TestStreamingProperties.tenViewers(), new FrameSourceFactory(PiCameraProperties.defaults()),
			new SimpleMeterRegistry());

	private final Camera camera = this.registry.require("lifecycle");

	@AfterEach
	void close() throws InterruptedException {
		this.registry.destroy();
	}

	@Test
	void aCameraIsIdleUntilSomeoneWatches() {
		assertThat(this.camera.state()).isEqualTo(CameraState.IDLE);
		assertThat(this.camera.latest()).isNull();
		assertThat(captureThreads()).isZero();
	}

	@Test
	void aViewerStartsTheCameraAndItStopsAfterTheIdleTimeoutOnceTheViewerLeaves() {
		this.camera.addViewer();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.camera.state() == CameraState.LIVE);
		assertThat(captureThreads()).isOne();

		this.camera.removeViewer();
		long left = System.nanoTime();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.camera.state() == CameraState.IDLE);
		assertThat(Duration.ofNanos(System.nanoTime() - left)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
		await().atMost(Duration.ofSeconds(5)).until(() -> captureThreads() == 0);
		assertThat(this.camera.latest()).as("no stale frame kept for the next viewer").isNull();
	}

	@Test
	void aStillStartsAnIdleCameraAndGetsAFreshFrame() throws InterruptedException {
		long before = System.currentTimeMillis();
		// Generous: on a loaded machine starting the capture alone can take seconds.
		LatestFrame frame = this.camera.awaitLiveFrame(Duration.ofSeconds(20));
		assertThat(frame).isNotNull();
		assertThat(frame.live()).isTrue();
		assertThat(frame.capturedAt().toEpochMilli()).isGreaterThanOrEqualTo(before);
		assertThat(frame.width()).isEqualTo(320);
		assertThat(frame.height()).isEqualTo(240);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.camera.state() == CameraState.IDLE);
	}

	@Test
	void aCameraWantedAgainWhileStoppingKeepsOneCaptureThread() throws InterruptedException {
		for (int i = 0; i < 20; i++) {
			this.camera.addViewer();
			this.camera.lifecycle().stop();
			this.camera.removeViewer();
			this.camera.lifecycle().start();
		}
		assertThat(this.camera.awaitLiveFrame(Duration.ofSeconds(5))).isNotNull();
		assertThat(captureThreads()).isOne();
	}

	@Test
	void anAttachedConsumerGetsEveryFrameWithItsImageInOrderAndKeepsTheCameraRunning() {
		List<Long> sequences = new CopyOnWriteArrayList<>();
		List<CameraState> states = new CopyOnWriteArrayList<>();
		FrameConsumer consumer = new FrameConsumer() {

			@Override
			public void frame(Mat image, LatestFrame frame) {
				if (image.cols() == frame.width() && image.rows() == frame.height() && frame.live()) {
					sequences.add(frame.sequence());
				}
			}

			@Override
			public void stateChanged(CameraState state, String problem) {
				states.add(state);
			}

		};
		this.camera.attach(consumer);
		await().atMost(Duration.ofSeconds(5)).until(() -> sequences.size() >= 10);
		// Twice the idle timeout with no viewer: the consumer alone keeps it live.
		await().during(Duration.ofMillis(1000))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.camera.state() == CameraState.LIVE);
		List<Long> seen = List.copyOf(sequences);
		for (int i = 1; i < seen.size(); i++) {
			assertThat(seen.get(i)).as("frame %d follows the one before", i).isEqualTo(seen.get(i - 1) + 1);
		}

		this.camera.detach(consumer);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.camera.state() == CameraState.IDLE);
		assertThat(states).as("told until detached, not after").containsExactly(CameraState.STARTING, CameraState.LIVE);
	}

	private static long captureThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((t) -> t.getName().equals("camdash-capture-lifecycle") && t.isAlive())
			.count();
	}

}
