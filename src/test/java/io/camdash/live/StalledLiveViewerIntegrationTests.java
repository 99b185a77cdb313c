package io.camdash.live;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.camdash.camera.ViewerLimiter;
import io.camdash.support.StreamLimitsTest;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * H.264 clients that ask for a stream and then never read: each is dropped after the
 * write timeout, its place freed, while a client that reads keeps getting frames.
 */
@StreamLimitsTest
class StalledLiveViewerIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ViewerLimiter limiter;

	@Test
	void aWebSocketThatNeverReadsIsDroppedWhileAReadingOneKeepsItsFrames() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.limiter.available() == 4);
		try (Socket stalled = neverReading("127.0.0.2");
				LiveClient reading = LiveClient.open(this.port, "/cameras/cam/live.ws",
						TestUsers.basicAuth(TestUsers.VIEWER))) {
			sendWebSocketUpgrade(stalled);
			reading.send(LiveClient.BROWSER_CODECS);
			assertThat(reading.next()).isInstanceOf(String.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.limiter.available() == 2);
			long start = System.nanoTime();
			// Past the 5 s write timeout the stalled one is gone, well before Jetty's own
			// 30 s idle timeout would end it; the reader never waited on it.
			await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
				assertThat(reading.nextBinary()).isNotEmpty();
				return this.limiter.available() == 3;
			});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(3));
			assertThat(reading.nextBinary()).isNotEmpty();
		}
	}

	@Test
	void anMp4StreamThatIsNeverReadIsDropped() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.limiter.available() == 4);
		try (Socket stalled = neverReading("127.0.0.3")) {
			send(stalled, "GET /cameras/cam/stream.mp4 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
					+ TestUsers.VIEWER.authorization() + "\r\n\r\n");
			await().atMost(Duration.ofSeconds(10)).until(() -> this.limiter.available() == 3);
			// Past the 5 s write timeout, well before Jetty's 30 s idle timeout.
			await().atMost(Duration.ofSeconds(15)).until(() -> this.limiter.available() == 4);
		}
	}

	/** A socket whose receive window is tiny and which the test never reads. */
	private Socket neverReading(String fromAddress) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.bind(new InetSocketAddress(fromAddress, 0));
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
		return socket;
	}

	/** The upgrade, then the browser's hello (a masked text frame), then silence. */
	private void sendWebSocketUpgrade(Socket socket) throws IOException {
		String key = Base64.getEncoder().encodeToString("camdash-test-key".getBytes(StandardCharsets.US_ASCII));
		send(socket, "GET /cameras/cam/live.ws HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
				+ "Sec-WebSocket-Key: " + key + "\r\nAuthorization: " + TestUsers.VIEWER.authorization() + "\r\n\r\n");
		byte[] payload = LiveClient.BROWSER_CODECS.getBytes(StandardCharsets.UTF_8);
		byte[] mask = { 1, 2, 3, 4 };
		// A final text frame, masked as every client frame must be; the hello is under
		// 126 bytes, so its length fits the second byte.
		byte[] frame = new byte[6 + payload.length];
		frame[0] = (byte) 0x81;
		frame[1] = (byte) (0x80 | payload.length);
		System.arraycopy(mask, 0, frame, 2, 4);
		for (int i = 0; i < payload.length; i++) {
			frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
		}
		socket.getOutputStream().write(frame);
		socket.getOutputStream().flush();
	}

	private static void send(Socket socket, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

}
