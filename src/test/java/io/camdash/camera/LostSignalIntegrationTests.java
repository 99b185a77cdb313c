package io.camdash.camera;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.camdash.camera.ScriptedFrameSources.Fault;
import io.camdash.support.MjpegClient;
import io.camdash.support.MjpegClient.Part;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camdash.cameras[0].id=cam", "camdash.cameras[0].fps=10", "camdash.cameras[0].stall-timeout=1s",
				"camdash.streaming.snapshot-timeout=1s" })
@ExtendWith(OutputCaptureExtension.class)
class LostSignalIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ScriptedFrameSources sources;

	@Autowired
	private CameraRegistry cameras;

	@AfterEach
	void heal() {
		this.sources.inject(Fault.NONE);
	}

	@Test
	void aFailingSourceShowsNoSignalThenLiveFramesOnTheSameConnection(CapturedOutput output) throws Exception {
		try (MjpegClient viewer = MjpegClient.open(this.port, "/cameras/cam/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			assertThat(FrameKinds.isNoSignal(nextPart(viewer, false).body())).isFalse();

			this.sources.inject(Fault.THROW);
			Part first = nextPart(viewer, true);
			Part repeated = nextPart(viewer, true);
			assertThat(repeated.timestampMicros() - first.timestampMicros()).as("NO SIGNAL repeats about once a second")
				.isBetween(500_000L, 2_500_000L);
			assertThat(this.cameras.require("cam").status().state()).isEqualTo(CameraState.NO_SIGNAL);
			assertThat(this.cameras.require("cam").problem()).contains("simulated camera failure");
			assertThat(stillStatus()).as("no NO SIGNAL picture as a still").isEqualTo(503);

			this.sources.inject(Fault.NONE);
			nextPart(viewer, false);
			assertThat(this.cameras.require("cam").state()).isEqualTo(CameraState.LIVE);
		}
		assertThat(output.getAll()).contains("Camera 'cam' lost its source: simulated camera failure",
				"Camera 'cam' recovered");
	}

	@Test
	void aStalledSourceShowsNoSignalThenLiveFramesOnTheSameConnection() throws Exception {
		try (MjpegClient viewer = MjpegClient.open(this.port, "/cameras/cam/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			nextPart(viewer, false);

			this.sources.inject(Fault.STALL);
			nextPart(viewer, true);
			assertThat(this.cameras.require("cam").problem()).contains("stalled");

			this.sources.inject(Fault.NONE);
			nextPart(viewer, false);
		}
	}

	@Test
	void aNewViewerGetsTheCurrentFrameAtOnceWithoutWaitingForTheNextCapture() throws Exception {
		try (MjpegClient first = MjpegClient.open(this.port, "/cameras/cam/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			nextPart(first, false);
			// No new frame comes now: a viewer that waited for one would see NO SIGNAL
			// after the stall timeout.
			this.sources.inject(Fault.STALL);
			long connectedMicros = System.currentTimeMillis() * 1000;
			try (MjpegClient second = MjpegClient.open(this.port, "/cameras/cam/stream.mjpg",
					TestUsers.basicAuth(TestUsers.ADMIN))) {
				Part part = second.nextPart();
				assertThat(FrameKinds.isNoSignal(part.body())).isFalse();
				assertThat(part.timestampMicros()).isLessThan(connectedMicros);
			}
		}
	}

	/** The next part of the wanted kind, skipping others, within 15 s. */
	private static Part nextPart(MjpegClient viewer, boolean noSignal) throws IOException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline) {
			Part part = viewer.nextPart();
			assertThat(part.isCompleteJpeg()).isTrue();
			if (FrameKinds.isNoSignal(part.body()) == noSignal) {
				return part;
			}
		}
		throw new AssertionError("no " + (noSignal ? "NO SIGNAL" : "live") + " frame within 15 s");
	}

	private int stillStatus() throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/cameras/cam/snapshot.jpg"))
				.header("Authorization", TestUsers.ADMIN.authorization())
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	@TestConfiguration
	static class Sources {

		@Bean
		@Primary
		ScriptedFrameSources scriptedFrameSources() {
			return new ScriptedFrameSources();
		}

	}

}
