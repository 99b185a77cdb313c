package io.camdash.camera;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import io.camdash.support.MjpegClient;
import io.camdash.support.MjpegClient.Part;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** One camdash relaying another: the network source reading a real MJPEG stream over HTTP through FFmpeg. */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
class NetworkRelayIntegrationTests {

	private static final int PORT = freePort();

	@DynamicPropertySource
	static void relayOurOwnCamera(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("camdash.cameras[0].id", () -> "origin");
		registry.add("camdash.cameras[0].fps", () -> "10");
		registry.add("camdash.cameras[1].id", () -> "relay");
		registry.add("camdash.cameras[1].name", () -> "Relay");
		registry.add("camdash.cameras[1].source", () -> "http://127.0.0.1:" + PORT + "/cameras/origin/stream.mjpg");
		registry.add("camdash.cameras[1].width", () -> "320");
		registry.add("camdash.cameras[1].height", () -> "240");
	}

	@Test
	void aNetworkCameraRelaysAnotherCamdashsStream() throws IOException {
		try (MjpegClient viewer = MjpegClient.open(PORT, "/cameras/relay/stream.mjpg")) {
			assertThat(viewer.status()).isEqualTo(200);
			Part first = viewer.nextPart();
			Part later = first;
			for (int i = 0; i < 10; i++) {
				later = viewer.nextPart();
			}
			assertThat(later.isCompleteJpeg()).isTrue();
			assertThat(FrameKinds.isNoSignal(later.body())).isFalse();
			assertThat(later.timestampMicros()).isGreaterThan(first.timestampMicros());
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
