package io.camdash.camera;

import java.io.IOException;
import java.net.ServerSocket;

import io.camdash.support.MjpegClient;
import io.camdash.support.MjpegClient.Part;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One camdash relaying another: the network source reading a real MJPEG stream over HTTP
 * through FFmpeg.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
@ExtendWith(OutputCaptureExtension.class)
class NetworkRelayIntegrationTests {

	private static final int PORT = freePort();

	private static final String ORIGIN_TOKEN = "relay-token-0123456789abcdef";

	@DynamicPropertySource
	static void relayOurOwnCamera(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("camdash.cameras[0].id", () -> "origin");
		registry.add("camdash.cameras[0].fps", () -> "10");
		registry.add("camdash.cameras[1].id", () -> "relay");
		registry.add("camdash.cameras[1].name", () -> "Relay");
		// The relay signs in to the origin with the origin camera's access token.
		registry.add("camdash.security.camera-tokens.origin", () -> ORIGIN_TOKEN);
		registry.add("camdash.cameras[1].source",
				() -> "http://127.0.0.1:" + PORT + "/cameras/origin/stream.mjpg?token=" + ORIGIN_TOKEN);
		registry.add("camdash.cameras[1].width", () -> "320");
		registry.add("camdash.cameras[1].height", () -> "240");
	}

	@Test
	void aNetworkCameraRelaysAnotherCamdashsStream(CapturedOutput output) throws IOException {
		try (MjpegClient viewer = MjpegClient.open(PORT, "/cameras/relay/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
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
		assertThat(output.getAll()).contains("Camera 'relay' starting").doesNotContain(ORIGIN_TOKEN);
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
