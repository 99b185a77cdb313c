package io.camdash.camera;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camdash.camera.source.FrameSourceFactory;
import io.camdash.camera.source.PiCameraProperties;
import io.camdash.support.CameraSettingsBuilder;
import io.camdash.support.FakeIpCamera;
import io.camdash.support.TestStreamingProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cameras that give one frame per connection (a snapshot URL, an MJPEG stream that ends
 * after each frame), read from a real HTTP server: they stay live at their frame rate,
 * quietly, and only a real outage shows NO SIGNAL and is logged, once as it starts and
 * once as it ends.
 */
class OneFramePerConnectionTests {

	/** Unlike any camera of another test, whose context may still run in this JVM. */
	private static final String ID = "one-frame";

	private final FakeIpCamera ipCamera = new FakeIpCamera();

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final Viewer viewer = new Viewer();

	private @Nullable CameraRegistry registry;

	OneFramePerConnectionTests() throws Exception {
	}

	@BeforeEach
	void captureLog() {
		this.log.start();
		root().addAppender(this.log);
	}

	@AfterEach
	void stop() throws InterruptedException {
		if (this.registry != null) {
			this.registry.destroy();
		}
		this.ipCamera.close();
		root().detachAppender(this.log);
	}

	@Test
	void aSnapshotUrlCameraStaysLiveAtItsFrameRateWithoutWarnings() throws Exception {
		Camera camera = watch("snapshot:" + this.ipCamera.url("/snapshot.jpg"), Duration.ofSeconds(1));
		await().atMost(Duration.ofSeconds(10)).until(() -> camera.state() == CameraState.LIVE);
		int requestsBefore = this.ipCamera.requests("/snapshot.jpg");

		int frames = this.viewer.liveFramesDuring(Duration.ofSeconds(3));

		assertThat(frames).as("about 10 fps for 3 s").isBetween(15, 33);
		assertThat(this.ipCamera.requests("/snapshot.jpg") - requestsBefore).as("one request per frame, no more")
			.isLessThanOrEqualTo(frames + 1);
		assertStayedLive(camera);
	}

	@Test
	void anMjpegStreamThatEndsAfterEachFrameStaysLiveWithoutWarnings() throws Exception {
		Camera camera = watch(this.ipCamera.url("/one-frame.mjpg"), Duration.ofSeconds(1));
		await().atMost(Duration.ofSeconds(10)).until(() -> camera.state() == CameraState.LIVE);
		int connectionsBefore = this.ipCamera.requests("/one-frame.mjpg");

		int frames = this.viewer.liveFramesDuring(Duration.ofSeconds(3));

		assertThat(frames).as("at least half of 10 fps for 3 s").isBetween(15, 33);
		assertThat(this.ipCamera.requests("/one-frame.mjpg") - connectionsBefore)
			.as("reconnects no faster than the camera's fps")
			.isLessThanOrEqualTo(33);
		assertStayedLive(camera);
	}

	@Test
	void anHttpUrlThatAnswersWithOneImageStaysLiveWithoutWarnings() throws Exception {
		Camera camera = watch(this.ipCamera.url("/snapshot.jpg"), Duration.ofSeconds(1));
		await().atMost(Duration.ofSeconds(10)).until(() -> camera.state() == CameraState.LIVE);

		assertThat(this.viewer.liveFramesDuring(Duration.ofSeconds(3))).isBetween(15, 33);
		assertStayedLive(camera);
	}

	@Test
	void anOutageShowsNoSignalAndIsLoggedOnceWhenItStartsAndOnceWhenItEnds() throws Exception {
		Camera camera = watch("snapshot:" + this.ipCamera.url("/snapshot.jpg"), Duration.ofSeconds(1));
		await().atMost(Duration.ofSeconds(10)).until(() -> camera.state() == CameraState.LIVE);

		this.ipCamera.powerOff();
		await().atMost(Duration.ofSeconds(5)).until(() -> camera.state() == CameraState.NO_SIGNAL);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.viewer.noSignalCards.size() >= 2);
		assertThat(camera.problem()).startsWith("connection refused: nothing answers at 127.0.0.1:");
		this.ipCamera.powerOn();
		await().atMost(Duration.ofSeconds(15)).until(() -> camera.state() == CameraState.LIVE);

		assertThat(this.viewer.states).containsExactly(CameraState.STARTING, CameraState.LIVE, CameraState.NO_SIGNAL,
				CameraState.LIVE);
		assertThat(messages(Level.WARN)).singleElement()
			.asString()
			.startsWith("Camera 'one-frame' lost its source: connection refused");
		assertThat(messages(Level.INFO)).filteredOn((message) -> message.contains("recovered"))
			.singleElement()
			.asString()
			.matches("Camera 'one-frame' recovered: live again after \\d+\\.\\d s without a frame");
	}

	@Test
	void aCameraThatAnswers401ShowsNoSignalWithTheReasonInWords() throws Exception {
		Camera camera = watch(
				"snapshot:" + this.ipCamera.url(FakeIpCamera.USER + ":wrong-secret", "/locked.jpg?token=token-secret"),
				Duration.ofMillis(500));
		await().atMost(Duration.ofSeconds(5)).until(() -> camera.state() == CameraState.NO_SIGNAL);
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.viewer.noSignalCards.isEmpty());

		assertThat(camera.problem()).isEqualTo("the camera answered 401 (wrong user or password in the URL?)");
		assertThat(camera.status().problem()).isEqualTo(camera.problem());
		assertThat(camera.status().source()).doesNotContain("secret");
		// Retries go on without a word: the outage was said once.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.ipCamera.requests("/locked.jpg") >= 8);
		assertThat(messages(Level.WARN)).singleElement()
			.asString()
			.isEqualTo(
					"Camera 'one-frame' lost its source: the camera answered 401 (wrong user or password in the URL?)");
		assertThat(events()).extracting(ILoggingEvent::getFormattedMessage)
			.noneMatch((message) -> message.contains("secret"));
	}

	/** A camera with this source at 10 fps, watched by the viewer. */
	private Camera watch(String source, Duration stallTimeout) {
		this.registry = new CameraRegistry(
				new CamerasProperties(List
					.of(CameraSettingsBuilder.camera(ID).source(source).fps(10).stallTimeout(stallTimeout).build())),
				TestStreamingProperties.tenViewers(), new FrameSourceFactory(PiCameraProperties.defaults()),
				new SimpleMeterRegistry());
		Camera camera = this.registry.require(ID);
		camera.attach(this.viewer);
		return camera;
	}

	private void assertStayedLive(Camera camera) {
		assertThat(this.viewer.states).as("never NO SIGNAL").containsExactly(CameraState.STARTING, CameraState.LIVE);
		assertThat(this.viewer.noSignalCards).isEmpty();
		assertThat(camera.state()).isEqualTo(CameraState.LIVE);
		assertThat(messages(Level.WARN)).as("no warning").isEmpty();
	}

	/**
	 * The messages about this camera (or from its capture thread, like FFmpeg's) logged
	 * at this level or above while the test ran.
	 */
	private List<String> messages(Level level) {
		return events().stream()
			.filter((event) -> event.getThreadName().equals("camdash-capture-" + ID)
					|| event.getFormattedMessage().contains("'" + ID + "'"))
			.filter((event) -> event.getLevel().isGreaterOrEqual(level))
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

	/** AppenderBase appends under the appender's lock. */
	private List<ILoggingEvent> events() {
		synchronized (this.log) {
			return List.copyOf(this.log.list);
		}
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	/** Takes frames as an MJPEG viewer would, noting when live ones came. */
	private static final class Viewer implements FrameConsumer {

		final List<Long> liveFrames = new CopyOnWriteArrayList<>();

		final List<Long> noSignalCards = new CopyOnWriteArrayList<>();

		final List<CameraState> states = new CopyOnWriteArrayList<>();

		@Override
		public void frame(Mat image, LatestFrame frame) {
			(frame.live() ? this.liveFrames : this.noSignalCards).add(System.nanoTime());
		}

		@Override
		public void stateChanged(CameraState state, @Nullable String problem) {
			this.states.add(state);
		}

		int liveFramesDuring(Duration window) throws InterruptedException {
			int before = this.liveFrames.size();
			Thread.sleep(window.toMillis());
			return this.liveFrames.size() - before;
		}

	}

}
