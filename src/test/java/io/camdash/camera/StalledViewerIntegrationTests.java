package io.camdash.camera;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.camdash.support.MjpegClient;
import io.camdash.support.StreamLimitsTest;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@StreamLimitsTest
class StalledViewerIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ViewerLimiter limiter;

	@Test
	void clientsThatAskForAStreamAndNeverReadAreDroppedAndTheNextViewerGetsFrames() throws IOException {
		List<Socket> neverRead = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				neverRead.add(requestAndNeverRead());
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> this.limiter.available() == 1);
			// Its fourth stream would take the last place: one address may not have them
			// all.
			try (MjpegClient fourth = MjpegClient.open(this.port, "/stream.mjpg",
					TestUsers.basicAuth(TestUsers.ADMIN))) {
				assertThat(fourth.status()).isEqualTo(503);
				assertThat(fourth.bodyText(300)).contains("Too many viewers from your address");
			}
			// Released within about the write timeout, though the sockets stay open.
			await().atMost(Duration.ofSeconds(25)).until(() -> this.limiter.available() == 4);
			try (MjpegClient next = MjpegClient.open(this.port, "/stream.mjpg", TestUsers.basicAuth(TestUsers.ADMIN))) {
				assertThat(next.status()).isEqualTo(200);
				assertThat(next.nextPart().isCompleteJpeg()).isTrue();
				assertThat(next.nextPart().isCompleteJpeg()).isTrue();
			}
		}
		finally {
			for (Socket socket : neverRead) {
				socket.close();
			}
		}
	}

	/**
	 * Sends a stream request, then reads nothing: its receive window fills and stays
	 * full.
	 */
	private Socket requestAndNeverRead() throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("127.0.0.1", this.port));
		OutputStream out = socket.getOutputStream();
		String request = "GET /stream.mjpg HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
				+ TestUsers.ADMIN.authorization() + "\r\n\r\n";
		out.write(request.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

}
