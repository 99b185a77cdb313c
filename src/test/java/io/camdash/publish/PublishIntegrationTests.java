package io.camdash.publish;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.camdash.support.Ffprobe;
import io.camdash.support.LoopbackServer;
import io.camdash.support.NginxRtmp;
import io.camdash.support.TestUsers;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

/**
 * A camera published to a real nginx with the RTMP module, read back from nginx as any
 * RTMP player would; nginx restarted under it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PublishIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static NginxRtmp nginx;

	/**
	 * An ffmpeg taking an RTSP publish (ANNOUNCE, RECORD) and writing 20 frames to a
	 * file.
	 */
	private static Process rtspServer;

	private static Path rtspFile;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void cameras(DynamicPropertyRegistry registry) throws Exception {
		Path folder = Files.createTempDirectory("camdash-publish-");
		nginx = NginxRtmp.start(folder.resolve("nginx"));
		Path images = Files.createDirectories(folder.resolve("images"));
		try (Mat red = new Mat(240, 320, CV_8UC3, new Scalar(0, 0, 255, 0))) {
			imwrite(images.resolve("red.jpg").toString(), red);
		}
		registry.add("camdash.cameras[0].id", () -> "red");
		registry.add("camdash.cameras[0].source", () -> "folder:" + images);
		registry.add("camdash.cameras[0].fps", () -> "10");
		registry.add("camdash.cameras[0].overlay", () -> "false");
		registry.add("camdash.cameras[0].publish[0]", () -> nginx.url("red"));
		registry.add("camdash.cameras[1].id", () -> "quiet");
		int rtspPort = LoopbackServer.freePort();
		rtspFile = folder.resolve("from-rtsp.mp4");
		rtspServer = new ProcessBuilder("ffmpeg", "-v", "error", "-rtsp_flags", "listen", "-i",
				"rtsp://127.0.0.1:" + rtspPort + "/pattern", "-frames:v", "20", "-c", "copy", "-y", rtspFile.toString())
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("ffmpeg-rtsp.log").toFile())
			.start();
		registry.add("camdash.cameras[2].id", () -> "pattern");
		registry.add("camdash.cameras[2].width", () -> "320");
		registry.add("camdash.cameras[2].height", () -> "240");
		registry.add("camdash.cameras[2].publish[0]", () -> "rtsp://127.0.0.1:" + rtspPort + "/pattern");
		// A camera whose source is the media server: one camdash relaying another.
		registry.add("camdash.cameras[3].id", () -> "relay");
		registry.add("camdash.cameras[3].source", () -> nginx.url("red"));
		registry.add("camdash.cameras[3].overlay", () -> "false");
	}

	@AfterAll
	static void stopServers() throws InterruptedException {
		nginx.close();
		rtspServer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}

	@Test
	void aCameraIsPublishedOverRtspToAServerTakingARecord() throws Exception {
		assertThat(rtspServer.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg received 20 frames").isTrue();
		assertThat(rtspServer.exitValue()).isZero();
		assertThat(Ffprobe.videoStream(rtspFile)).contains("codec_name=h264", "width=320", "height=240");
	}

	@Test
	void theCameraIsReadBackFromTheMediaServerAndSurvivesItsRestart() throws Exception {
		awaitState("publishing", Duration.ofSeconds(30));
		assertRedFramesFromNginx();

		nginx.kill();
		JsonNode retrying = awaitState("retrying", Duration.ofSeconds(30));
		assertThat(retrying.get("reason").asString()).isNotBlank()
			.doesNotContain("rtmp://")
			.doesNotContain("Exception");

		nginx.restart();
		awaitState("publishing", Duration.ofSeconds(60));
		assertRedFramesFromNginx();
	}

	@Test
	void aCameraReadsTheMediaServersStreamBack() throws Exception {
		awaitState("publishing", Duration.ofSeconds(30));
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		HttpResponse<byte[]> still;
		do {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/cameras/relay/snapshot.jpg"))
				.header("Authorization", TestUsers.VIEWER.authorization())
				.build();
			still = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		while (still.statusCode() != 200 && System.nanoTime() < deadline);
		assertThat(still.statusCode()).isEqualTo(200);
		try (Mat image = imdecode(new Mat(new BytePointer(still.body())), IMREAD_COLOR)) {
			assertThat(image.cols()).isEqualTo(320);
			Scalar bgr = mean(image);
			assertThat(bgr.get(2)).as("red").isGreaterThan(180);
			assertThat(bgr.get(1)).as("green").isLessThan(80);
		}
	}

	@Test
	void theStatusShowsTheTargetWithoutItsStreamKey() throws Exception {
		JsonNode target = awaitState("publishing", Duration.ofSeconds(30));
		assertThat(target.get("target").asString()).isEqualTo("rtmp://127.0.0.1:" + nginx.port() + "/live/***");
		assertThat(status("quiet", TestUsers.VIEWER).get("publish")).isEmpty();
		assertThat(status("red", TestUsers.VIEWER).toString()).contains("/live/***").doesNotContain("/live/red");
	}

	/** A player reading the stream from nginx gets the camera's picture: red. */
	private static void assertRedFramesFromNginx() throws IOException {
		try (FFmpegFrameGrabber player = new FFmpegFrameGrabber(nginx.url("red"));
				OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
			player.setOption("rw_timeout", "10000000");
			// Not start(): it would hold JavaCV's lock of the whole JVM while waiting for
			// nginx, and camdash's publisher (in this JVM) needs it to connect.
			player.startUnsafe();
			// Announced wrong (the MP4 clock's 90000), FFmpeg players never finished
			// probing.
			assertThat(player.getFrameRate()).as("the frame rate nginx announces").isCloseTo(10, within(0.5));
			int frames = 0;
			while (frames < 10) {
				Frame frame = player.grabImage();
				assertThat(frame).as("a frame from nginx").isNotNull();
				Mat image = converter.convert(frame);
				assertThat(image.cols()).isEqualTo(320);
				assertThat(image.rows()).isEqualTo(240);
				Scalar bgr = mean(image);
				assertThat(bgr.get(2)).as("red").isGreaterThan(180);
				assertThat(bgr.get(1)).as("green").isLessThan(80);
				assertThat(bgr.get(0)).as("blue").isLessThan(80);
				frames++;
			}
		}
	}

	private JsonNode status(String camera, TestUsers.User user) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/cameras/" + camera + "/status"))
			.header("Authorization", user.authorization())
			.header("Accept", "application/json")
			.build();
		return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

	private JsonNode awaitState(String state, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		JsonNode last = null;
		while (System.nanoTime() < deadline) {
			JsonNode publish = status("red", TestUsers.ADMIN).get("publish");
			if (publish != null && !publish.isEmpty()) {
				last = publish.get(0);
				if (state.equals(last.get("state").asString())) {
					return last;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("publishing never reached '" + state + "' within " + timeout + "; last: " + last);
	}

}
