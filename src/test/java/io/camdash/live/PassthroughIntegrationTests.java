package io.camdash.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.camdash.camera.source.StandInCameraProgram;
import io.camdash.support.H264Slices;
import io.camdash.support.MjpegClient;
import io.camdash.support.RtspRelay;
import io.camdash.support.SignedInBrowserTests;
import io.camdash.support.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real RTSP H.264 camera (ffmpeg publishing a libx264 clip through {@link RtspRelay}):
 * its packets reach H.264 viewers as they came, and images are decoded only while
 * somebody needs them. The same for a Pi camera module asked for H.264 (a stand-in for
 * rpicam-vid writing libx264's output).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PassthroughIntegrationTests extends SignedInBrowserTests {

	private static final Map<String, String> VIEWER = TestUsers.basicAuth(TestUsers.VIEWER);

	private static Path folder;

	private static Path video;

	private static RtspRelay relay;

	private static StandInCameraProgram piCamera;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void rtspCamera(DynamicPropertyRegistry registry) throws Exception {
		folder = Files.createTempDirectory("camdash-passthrough");
		video = folder.resolve("camera.mp4");
		// Main profile, a keyframe a second, no B-frames: what most IP cameras send.
		run("ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-t", "4",
				"-c:v", "libx264", "-profile:v", "main", "-bf", "0", "-g", "25", "-pix_fmt", "yuv420p",
				video.toString());
		relay = RtspRelay.publishing(video);
		registry.add("camdash.cameras[0].id", () -> "rtsp");
		registry.add("camdash.cameras[0].source", relay::url);
		registry.add("camdash.cameras[0].idle-timeout", () -> "1s");
		registry.add("camdash.cameras[1].id", () -> "file");
		registry.add("camdash.cameras[1].source", () -> "file:" + video);
		piCamera = StandInCameraProgram.h264(Files.createDirectories(folder.resolve("pi")), 0, "", 0);
		registry.add("camdash.cameras[2].id", () -> "pi");
		registry.add("camdash.cameras[2].source", () -> "picamera:0");
		registry.add("camdash.cameras[2].idle-timeout", () -> "1s");
		registry.add("camdash.picamera.program", () -> piCamera.path().toString());
		registry.add("camdash.picamera.codec", () -> "h264");
	}

	@AfterAll
	static void stopCamera() throws IOException {
		if (relay != null) {
			relay.close();
		}
	}

	@BeforeEach
	void leaveTheDashboard() {
		// Signing in lands on the dashboard, whose tile watches the camera.
		browser.driver().get("about:blank");
	}

	@Test
	void h264ViewersGetTheCamerasOwnUnitsAndNothingIsDecodedOrEncoded() throws Exception {
		awaitIdleCamera();
		Set<ByteBuffer> sourceSlices = new HashSet<>(H264Slices.of(video));
		try (LiveClient client = LiveClient.open(this.port, "/cameras/rtsp/live.ws", VIEWER)) {
			client.send(LiveClient.BROWSER_CODECS);
			assertThat((String) client.next()).startsWith("{\"type\":\"mse\",\"mime\":\"video/mp4; codecs=\\\""
					+ codecOf(video) + "\\\"\",\"width\":640,\"height\":360,\"start\":");
			byte[] init = client.nextBinary();
			assertThat(new String(init, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
			double decoded = counter("camdash.camera.packets.decoded");
			double jpegs = counter("camdash.camera.frames.captured");
			double encodes = counter("camdash.camera.h264.frames.encoded");
			int slices = 0;
			for (int i = 0; i < 40; i++) {
				for (byte[] unit : unitsOf(client.nextBinary())) {
					int type = unit[0] & 0x1F;
					if (type == 1 || type == 5) {
						assertThat(sourceSlices).as("a slice of the camera's own stream")
							.contains(ByteBuffer.wrap(unit));
						slices++;
					}
				}
			}
			assertThat(slices).isGreaterThanOrEqualTo(40);
			assertThat(counter("camdash.camera.packets.decoded")).as("packets decoded").isEqualTo(decoded);
			assertThat(counter("camdash.camera.frames.captured")).as("JPEGs encoded").isEqualTo(jpegs);
			assertThat(counter("camdash.camera.h264.frames.encoded")).as("H.264 encodes").isEqualTo(encodes);
			assertThat(counter("camdash.camera.h264.frames.passed")).isGreaterThanOrEqualTo(40);
			assertThat(status()).contains("\"h264\":{\"viewers\":1,\"delivery\":\"passthrough\"")
				.contains("\"codec\":\"" + codecOf(video) + "\"");
			// No image decoded, yet the camera is live and healthy (it once broke the
			// health endpoint: no frame, so no frame age).
			assertThat(cameraHealth()).contains("\"status\":\"UP\"").contains("\"frameAgeMillis\":");
		}
	}

	@Test
	void aPiCameraModuleAskedForH264ReachesViewersWithoutADecodeOrAnEncode() throws Exception {
		try (LiveClient client = LiveClient.open(this.port, "/cameras/pi/live.ws", VIEWER)) {
			client.send(LiveClient.BROWSER_CODECS);
			assertThat((String) client.next()).startsWith("{\"type\":\"mse\",\"mime\":\"video/mp4; codecs=\\\"avc1.64")
				.contains("\"width\":320,\"height\":240");
			assertThat(new String(client.nextBinary(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
			double decoded = counter("pi", "camdash.camera.packets.decoded");
			double encodes = counter("pi", "camdash.camera.h264.frames.encoded");
			for (int i = 0; i < 20; i++) {
				assertThat(unitsOf(client.nextBinary())).isNotEmpty();
			}
			assertThat(counter("pi", "camdash.camera.packets.decoded")).as("packets decoded").isEqualTo(decoded);
			assertThat(counter("pi", "camdash.camera.h264.frames.encoded")).as("H.264 encodes").isEqualTo(encodes);
			assertThat(counter("pi", "camdash.camera.h264.frames.passed")).isGreaterThanOrEqualTo(20);
			assertThat(status("pi")).contains("\"h264\":{\"viewers\":1,\"delivery\":\"passthrough\"");
		}
		assertThat(piCamera.arguments()).containsSequence("--codec", "h264", "--profile", "high", "--intra", "15",
				"--inline");
	}

	@Test
	void anH264FileIsPassedThroughAndLoopsOnOneTimeline() throws Exception {
		try (LiveClient client = LiveClient.open(this.port, "/cameras/file/live.ws", VIEWER)) {
			client.send(LiveClient.BROWSER_CODECS);
			assertThat((String) client.next()).contains(codecOf(video));
			client.nextBinary();
			long last = decodeTimeOf(client.nextBinary());
			// More than the file's 100 frames: it loops, and time goes on by 40 ms a
			// frame.
			for (int i = 0; i < 130; i++) {
				long decodeTime = decodeTimeOf(client.nextBinary());
				assertThat(decodeTime - last).as("fragment %d", i).isBetween(3000L, 4500L);
				last = decodeTime;
			}
		}
		assertThat(this.meters.get("camdash.camera.packets.decoded").tag("camera", "file").counter().count()).isZero();
	}

	@Test
	void anMjpegViewerStartsTheDecodingAndLeavingStopsIt() throws Exception {
		awaitIdleCamera();
		try (LiveClient h264 = LiveClient.open(this.port, "/cameras/rtsp/live.ws", VIEWER)) {
			h264.send(LiveClient.BROWSER_CODECS);
			h264.next();
			h264.nextBinary();
			double before = counter("camdash.camera.packets.decoded");
			try (MjpegClient mjpeg = MjpegClient.open(this.port, "/cameras/rtsp/stream.mjpg", VIEWER)) {
				for (int i = 0; i < 5; i++) {
					assertThat(mjpeg.nextPart().body()).isNotEmpty();
				}
				assertThat(counter("camdash.camera.packets.decoded")).isGreaterThan(before);
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
			while (!status().contains("\"viewers\":0,\"reducedViewers\"")) {
				assertThat(System.nanoTime()).as("the MJPEG viewer is gone").isLessThan(deadline);
				h264.nextBinary();
			}
			// One packet may have been in the decoder as the viewer left.
			h264.nextBinary();
			double after = counter("camdash.camera.packets.decoded");
			for (int i = 0; i < 30; i++) {
				h264.nextBinary();
			}
			assertThat(counter("camdash.camera.packets.decoded")).as("packets decoded after the MJPEG viewer left")
				.isEqualTo(after);
		}
	}

	@Test
	void aStillIsDecodedFromThePassedThroughStream() {
		byte[] jpeg = RestClient.create()
			.get()
			.uri("http://127.0.0.1:" + this.port + "/cameras/rtsp/snapshot.jpg")
			.header("Authorization", TestUsers.VIEWER.authorization())
			.retrieve()
			.body(byte[].class);
		assertThat(jpeg).startsWith(0xFF, 0xD8);
	}

	@Test
	void ffmpegRecordsStreamMp4WithCopyAndTheCamerasTimestamps() throws Exception {
		Path clip = folder.resolve("clip.mp4");
		run("ffmpeg", "-nostdin", "-loglevel", "error", "-headers",
				"Authorization: " + TestUsers.VIEWER.authorization() + "\r\n", "-i",
				"http://127.0.0.1:" + this.port + "/cameras/rtsp/stream.mp4", "-t", "3", "-c", "copy", clip.toString());
		String packets = run("ffprobe", "-loglevel", "error", "-select_streams", "v", "-show_entries",
				"packet=pts_time", "-of", "csv=p=0", clip.toString());
		List<Double> times = new ArrayList<>();
		for (String line : packets.strip().split("\n")) {
			times.add(Double.parseDouble(line.strip()));
		}
		// 3 s of a 25 fps camera, each frame 40 ms after the one before.
		assertThat(times.size()).isBetween(70, 80);
		for (int i = 1; i < times.size(); i++) {
			assertThat(times.get(i) - times.get(i - 1)).as("frame %d", i).isBetween(0.039, 0.041);
		}
		assertThat(run("ffprobe", "-loglevel", "error", "-show_entries", "stream=codec_name,profile", "-of", "csv=p=0",
				clip.toString())
			.strip()).isEqualTo("h264,Main");
	}

	@Test
	void theLivePagePlaysThePassedThroughCameraAndSaysSo() {
		try {
			browser.driver().get(url("/cameras/rtsp"));
			assertThat(browser.awaitPlaying("#live-video")).as("the camera's width").isEqualTo(640);
			browser.await((d) -> d.findElement(By.cssSelector("[data-live-mode-label]"))
				.getText()
				.equals("H.264 over WebSocket · " + codecOf(video)));
			browser.await((d) -> d.findElement(By.cssSelector("[data-field=h264]"))
				.getText()
				.matches("1 viewer · passthrough · [0-9.]+ Mbit/s"));
			assertThat(browser.consoleProblems()).isEmpty();
		}
		finally {
			// The page's viewer leaves, so the camera can stop before the next test.
			browser.driver().get("about:blank");
		}
	}

	private void awaitIdleCamera() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!status().contains("\"state\":\"IDLE\"")) {
			assertThat(System.nanoTime()).as("the camera stops after its idle timeout").isLessThan(deadline);
			TimeUnit.MILLISECONDS.sleep(50);
		}
	}

	private String status() {
		return status("rtsp");
	}

	private String status(String camera) {
		return RestClient.create()
			.get()
			.uri("http://127.0.0.1:" + this.port + "/cameras/" + camera + "/status")
			.header("Authorization", TestUsers.VIEWER.authorization())
			.retrieve()
			.body(String.class);
	}

	private String cameraHealth() {
		return RestClient.create()
			.get()
			.uri("http://127.0.0.1:" + this.port + "/actuator/health/cameras/rtsp")
			.header("Authorization", TestUsers.ADMIN.authorization())
			.retrieve()
			.body(String.class);
	}

	private double counter(String name) {
		return counter("rtsp", name);
	}

	private double counter(String camera, String name) {
		return this.meters.get(name).tag("camera", camera).counter().count();
	}

	/** The decode time of a fragment, from its tfdt box (version 1). */
	private static long decodeTimeOf(byte[] fragment) {
		for (int i = 0; i + 16 < fragment.length; i++) {
			if (fragment[i] == 't' && fragment[i + 1] == 'f' && fragment[i + 2] == 'd' && fragment[i + 3] == 't') {
				return ByteBuffer.wrap(fragment).getLong(i + 8);
			}
		}
		throw new AssertionError("no tfdt box");
	}

	/** The units of a fragment's sample (its mdat, 4-byte lengths). */
	private static List<byte[]> unitsOf(byte[] fragment) {
		assertThat(new String(fragment, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("moof");
		int moofSize = ByteBuffer.wrap(fragment).getInt(0);
		assertThat(new String(fragment, moofSize + 4, 4, StandardCharsets.US_ASCII)).isEqualTo("mdat");
		int start = moofSize + 8;
		return H264Units.fromLengthPrefixed(java.util.Arrays.copyOfRange(fragment, start, fragment.length),
				fragment.length - start, 4);
	}

	/**
	 * The codec string of the file's stream, from its avcC record's profile and level.
	 */
	private static String codecOf(Path file) {
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
			grabber.start();
			byte[] avcC = new byte[4];
			grabber.getFormatContext().streams(0).codecpar().extradata().get(avcC);
			return String.format("avc1.%02X%02X%02X", avcC[1] & 0xFF, avcC[2] & 0xFF, avcC[3] & 0xFF);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
		return output;
	}

}
