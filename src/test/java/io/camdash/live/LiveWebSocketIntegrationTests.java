package io.camdash.live;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camdash.support.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// A long stall timeout: on a loaded machine a NO SIGNAL card (another size) would
		// end stream.mp4 mid-recording.
		properties = { "camdash.cameras[0].id=cam", "camdash.cameras[0].fps=20", "camdash.cameras[0].stall-timeout=20s",
				"camdash.cameras[1].id=wide", "camdash.cameras[1].width=1280", "camdash.cameras[1].height=720" })
class LiveWebSocketIntegrationTests {

	private static final Map<String, String> VIEWER = TestUsers.basicAuth(TestUsers.VIEWER);

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@TempDir
	Path folder;

	@Test
	void aViewerGetsTheExactMimeTypeThenAnInitSegmentThenFramesFfmpegCanDecode() throws Exception {
		ByteArrayOutputStream mp4 = new ByteArrayOutputStream();
		try (LiveClient client = LiveClient.open(this.port, "/cameras/wide/live.ws", VIEWER)) {
			client.send(LiveClient.BROWSER_CODECS);
			Object first = client.next();
			assertThat(first).isInstanceOf(String.class);
			assertThat((String) first).startsWith("{\"type\":\"mse\",\"mime\":\"video/mp4; codecs=\\\"avc1.42")
				.contains("\\\"\",\"width\":1280,\"height\":720,\"start\":");
			// Media time zero is a capture time of this camera: a player measures its
			// delay from it.
			long start = Long.parseLong(((String) first).replaceAll(".*\"start\":(\\d+)}$", "$1"));
			assertThat(start).isBetween(System.currentTimeMillis() - 30_000, System.currentTimeMillis());
			byte[] init = client.nextBinary();
			assertThat(new String(init, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
			mp4.writeBytes(init);
			for (int i = 0; i < 20; i++) {
				byte[] fragment = client.nextBinary();
				assertThat(new String(fragment, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("moof");
				mp4.writeBytes(fragment);
			}
		}
		Path file = this.folder.resolve("live.mp4");
		Files.write(file, mp4.toByteArray());
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
			grabber.start();
			assertThat(grabber.getImageWidth()).isEqualTo(1280);
			assertThat(grabber.getImageHeight()).isEqualTo(720);
			int frames = 0;
			while (grabber.grabImage() != null) {
				frames++;
			}
			assertThat(frames).as("every fragment decodes, from the first one on").isEqualTo(20);
		}
	}

	@Test
	void eachFrameIsEncodedOnceWhateverTheNumberOfViewers() throws Exception {
		try (LiveClient one = LiveClient.open(this.port, "/cameras/cam/live.ws", VIEWER);
				LiveClient two = LiveClient.open(this.port, "/cameras/cam/live.ws", VIEWER);
				LiveClient three = LiveClient.open(this.port, "/cameras/cam/live.ws", VIEWER)) {
			for (LiveClient client : new LiveClient[] { one, two, three }) {
				client.send(LiveClient.BROWSER_CODECS);
				client.next();
				client.nextBinary();
			}
			// Captured is read first at the start and last at the end, so the window of
			// captures holds the window of encodings.
			double capturedBefore = counter("camdash.camera.frames.captured");
			double encodedBefore = counter("camdash.camera.h264.frames.encoded");
			while (counter("camdash.camera.frames.captured") - capturedBefore < 20) {
				one.nextBinary();
				two.nextBinary();
				three.nextBinary();
			}
			double encoded = counter("camdash.camera.h264.frames.encoded") - encodedBefore;
			double captured = counter("camdash.camera.frames.captured") - capturedBefore;
			// At most one encoding per frame for three viewers (fewer when the encoding
			// thread falls behind and takes the newest image only), give or take the two
			// frames in the encoding thread's hands when the window opened.
			assertThat(encoded).as("encodings for %s frames captured", captured)
				.isGreaterThan(0)
				.isLessThanOrEqualTo(captured + 2);
		}
	}

	@Test
	void anUnknownCameraIsClosedWithAReason() throws Exception {
		try (LiveClient client = LiveClient.open(this.port, "/cameras/nope/live.ws", VIEWER)) {
			assertThat(client.awaitClose()).isEqualTo(new LiveClient.Closed(4404, "No camera named 'nope'"));
		}
	}

	@Test
	void anUnauthenticatedUpgradeIsClosedWithAReason() throws Exception {
		try (LiveClient client = LiveClient.open(this.port, "/cameras/cam/live.ws", Map.of())) {
			assertThat(client.awaitClose()).isEqualTo(new LiveClient.Closed(4401, "Sign in to watch this camera"));
		}
	}

	@Test
	void aWrongPasswordIsRefusedBeforeTheUpgrade() {
		Map<String, String> wrong = Map.of("Authorization", new TestUsers.User("viewer", "wrong").authorization());
		assertThat(org.assertj.core.api.Assertions
			.catchThrowable(() -> LiveClient.open(this.port, "/cameras/cam/live.ws", wrong))).rootCause()
			.hasMessageContaining("status code 401");
	}

	@Test
	void aCodecListWithoutH264IsClosedWithAReason() throws Exception {
		try (LiveClient client = LiveClient.open(this.port, "/cameras/cam/live.ws", VIEWER)) {
			client.send("{\"type\":\"mse\",\"codecs\":[\"vp8\",\"hev1.1.6.L93.B0\"]}");
			LiveClient.Closed closed = client.awaitClose();
			assertThat(closed.code()).isEqualTo(4415);
			assertThat(closed.reason()).contains("H.264", "cannot play");
		}
	}

	@Test
	void theUpgradeDeclinesCompressionWhichH264DoesNotNeed() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			String request = "GET /cameras/cam/live.ws HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
					+ "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n" + "Authorization: "
					+ TestUsers.VIEWER.authorization() + "\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			BufferedReader response = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			List<String> headers = new ArrayList<>();
			for (String line = response.readLine(); line != null && !line.isEmpty(); line = response.readLine()) {
				headers.add(line.toLowerCase(Locale.ROOT));
			}
			assertThat(headers.get(0)).contains("101");
			assertThat(headers).noneMatch((header) -> header.startsWith("sec-websocket-extensions"));
		}
	}

	@Test
	void aPageOfAnotherSiteCannotOpenIt() {
		Map<String, String> foreign = Map.of("Authorization", TestUsers.VIEWER.authorization(), "Origin",
				"https://evil.example");
		assertThat(org.assertj.core.api.Assertions
			.catchThrowable(() -> LiveClient.open(this.port, "/cameras/cam/live.ws", foreign))).rootCause()
			.hasMessageContaining("status code 403");
	}

	@Test
	void ffmpegRecordsStreamMp4WithoutReEncodingAndTheRecordingRunsAtRealSpeed() throws Exception {
		Path clip = this.folder.resolve("clip.mp4");
		// The camera running first, so the clip starts with live frames rather than
		// the card shown while it starts.
		RestClient.create()
			.get()
			.uri("http://127.0.0.1:" + this.port + "/cameras/cam/snapshot.jpg")
			.header("Authorization", TestUsers.VIEWER.authorization())
			.retrieve()
			.toBodilessEntity();
		long start = System.nanoTime();
		Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-headers",
				"Authorization: " + TestUsers.VIEWER.authorization() + "\r\n", "-i",
				"http://127.0.0.1:" + this.port + "/cameras/cam/stream.mp4", "-t", "3", "-c", "copy", clip.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
		double wallSeconds = (System.nanoTime() - start) / 1e9;
		assertThat(ffmpeg.exitValue()).as(output).isZero();
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
			grabber.start();
			assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
			long firstMicros = -1;
			long lastMicros = 0;
			int frames = 0;
			while (grabber.grabImage() != null) {
				firstMicros = (firstMicros < 0) ? grabber.getTimestamp() : firstMicros;
				lastMicros = grabber.getTimestamp();
				frames++;
			}
			double mediaSeconds = (lastMicros - firstMicros) / 1e6;
			// 3 s of a 20 fps camera, with timestamps from the capture clock: neither
			// ffmpeg's assumed 25 fps nor a burst of frames read faster than real time.
			assertThat(mediaSeconds).isBetween(2.5, 3.1);
			assertThat(wallSeconds).isGreaterThan(2.5);
			assertThat(frames / mediaSeconds).isBetween(14.0, 22.0);
		}
	}

	@Test
	void theStatusCountsH264Viewers() throws Exception {
		try (LiveClient client = LiveClient.open(this.port, "/cameras/wide/live.ws", VIEWER)) {
			client.send(LiveClient.BROWSER_CODECS);
			client.next();
			client.nextBinary();
			String status = RestClient.create()
				.get()
				.uri("http://127.0.0.1:" + this.port + "/cameras/wide/status")
				.header("Authorization", TestUsers.VIEWER.authorization())
				.retrieve()
				.body(String.class);
			assertThat(status).contains("\"h264\":{\"viewers\":1,\"delivery\":\"encoded\"")
				.contains("\"codec\":\"avc1.42");
		}
	}

	private double counter(String name) {
		return this.meters.get(name).tag("camera", "cam").counter().count();
	}

}
