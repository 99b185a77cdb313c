package io.camdash.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camdash.support.RtspRelay;
import io.camdash.support.SignedInBrowserTests;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Cameras with a microphone: real RTSP cameras (ffmpeg publishing through
 * {@link RtspRelay}) sending H.264 with a 440 Hz tone, once in AAC (passed into the same
 * fragmented MP4 as a second track) and once in G.711 µ-law (video only, said in the
 * status).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AudioIntegrationTests extends SignedInBrowserTests {

	private static final Map<String, String> VIEWER = TestUsers.basicAuth(TestUsers.VIEWER);

	private static final String AAC_BROWSER = "{\"type\":\"mse\",\"codecs\":[\"avc1.640034\",\"mp4a.40.2\"]}";

	private static Path folder;

	private static RtspRelay aac;

	private static RtspRelay mulaw;

	@DynamicPropertySource
	static void camerasWithSound(DynamicPropertyRegistry registry) throws Exception {
		folder = Files.createTempDirectory("camdash-audio");
		Path aacVideo = folder.resolve("tone.mp4");
		Path mulawVideo = folder.resolve("tone.mkv");
		record(aacVideo, 48000, "aac");
		record(mulawVideo, 8000, "pcm_mulaw");
		aac = RtspRelay.publishing(aacVideo);
		mulaw = RtspRelay.publishing(mulawVideo);
		registry.add("camdash.cameras[0].id", () -> "tone");
		registry.add("camdash.cameras[0].source", aac::url);
		registry.add("camdash.cameras[1].id", () -> "mulaw");
		registry.add("camdash.cameras[1].source", mulaw::url);
	}

	/** Four seconds of H.264 (main, a keyframe a second) and a tone in this codec. */
	private static void record(Path file, int sampleRate, String audioCodec) throws Exception {
		run("ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f",
				"lavfi", "-i", "sine=frequency=440:sample_rate=" + sampleRate, "-t", "4", "-c:v", "libx264",
				"-profile:v", "main", "-bf", "0", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", audioCodec, "-ac", "1",
				file.toString());
	}

	@AfterAll
	static void stopCameras() throws IOException {
		if (aac != null) {
			aac.close();
		}
		if (mulaw != null) {
			mulaw.close();
		}
	}

	@BeforeEach
	void leaveTheDashboard() {
		browser.driver().get("about:blank");
	}

	@Test
	void aBrowserThatPlaysAacGetsTheCamerasAudioAsASecondTrack() throws Exception {
		try (LiveClient client = LiveClient.open(this.port, "/cameras/tone/live.ws", VIEWER)) {
			client.send(AAC_BROWSER);
			String mse = (String) client.next();
			assertThat(mse).containsPattern("codecs=\\\\\"avc1\\.4D40[0-9A-F]{2},mp4a\\.40\\.2\\\\\"")
				.contains("\"audio\":true");
			byte[] init = client.nextBinary();
			assertThat(count(init, "trak")).isEqualTo(2);
			assertThat(count(init, "mp4a")).isEqualTo(1);
			assertThat(count(init, "esds")).isEqualTo(1);
			int[] fragments = new int[3];
			for (int i = 0; i < 120; i++) {
				fragments[trackOf(client.nextBinary())]++;
			}
			assertThat(fragments[1]).as("video fragments").isPositive();
			assertThat(fragments[2]).as("audio fragments").isPositive();
			assertThat(status("tone")).contains("\"audio\":\"AAC\"");
		}
	}

	@Test
	void aBrowserThatDoesNotSayItPlaysAacGetsTheVideoAlone() throws Exception {
		try (LiveClient client = LiveClient.open(this.port, "/cameras/tone/live.ws", VIEWER)) {
			client.send(LiveClient.BROWSER_CODECS);
			String mse = (String) client.next();
			assertThat(mse).doesNotContain("mp4a").doesNotContain("\"audio\"");
			assertThat(count(client.nextBinary(), "trak")).isEqualTo(1);
			for (int i = 0; i < 60; i++) {
				assertThat(trackOf(client.nextBinary())).isEqualTo(1);
			}
		}
	}

	@Test
	void anotherAudioCodecIsNotPlayedAndTheStatusSaysSo() throws Exception {
		try (LiveClient client = LiveClient.open(this.port, "/cameras/mulaw/live.ws", VIEWER)) {
			client.send(AAC_BROWSER);
			assertThat((String) client.next()).doesNotContain("mp4a").doesNotContain("\"audio\"");
			assertThat(count(client.nextBinary(), "trak")).isEqualTo(1);
			for (int i = 0; i < 30; i++) {
				assertThat(trackOf(client.nextBinary())).isEqualTo(1);
			}
			assertThat(status("mulaw")).contains("\"audio\":\"G.711 µ-law not played (video only)\"");
		}
	}

	@Test
	void ffmpegRecordsStreamMp4WithTheVideoAndTheAudio() throws Exception {
		Path clip = folder.resolve("clip.mp4");
		run("ffmpeg", "-nostdin", "-loglevel", "error", "-headers",
				"Authorization: " + TestUsers.VIEWER.authorization() + "\r\n", "-i",
				"http://127.0.0.1:" + this.port + "/cameras/tone/stream.mp4", "-t", "3", "-c", "copy", clip.toString());
		String probe = run("ffprobe", "-loglevel", "error", "-show_entries", "stream=codec_type,codec_name,duration",
				"-of", "csv=p=0", clip.toString());
		String[] streams = probe.strip().split("\n");
		assertThat(streams).hasSize(2);
		assertThat(streams[0]).startsWith("h264,video,");
		assertThat(streams[1]).startsWith("aac,audio,");
		for (String stream : streams) {
			assertThat(Double.parseDouble(stream.split(",")[2])).as(stream).isCloseTo(3.0, within(0.3));
		}
	}

	@Test
	void theLivePageIsMutedUntilTheUserTurnsTheSoundOn() {
		try {
			browser.driver().get(url("/cameras/tone"));
			assertThat(browser.awaitPlaying("#live-video")).isEqualTo(640);
			By sound = By.id("live-audio");
			browser.await((d) -> d.findElement(sound).isDisplayed());
			assertThat(browser.driver().findElement(sound).getText()).isEqualTo("Unmute");
			assertThat(browser.driver().executeScript("return document.querySelector('#live-video').muted"))
				.isEqualTo(true);
			browser.await((d) -> d.findElement(By.cssSelector("[data-field=audio]")).getText().equals("AAC"));
			browser.screenshot("camera-live-audio");
			browser.driver().findElement(sound).click();
			assertThat(browser.driver().findElement(sound).getText()).isEqualTo("Mute");
			assertThat(browser.driver().executeScript("return document.querySelector('#live-video').muted"))
				.isEqualTo(false);
			browser.await((d) -> ((Number) browser.driver()
				.executeScript("return document.querySelector('#live-video').webkitAudioDecodedByteCount"))
				.longValue() > 0);
			browser.await((d) -> d.findElement(By.cssSelector("[data-field=audio]")).getText().equals("AAC"));
			assertThat(browser.consoleProblems()).isEmpty();

			// A camera whose audio is not played shows no sound button, and says why.
			browser.driver().get(url("/cameras/mulaw"));
			assertThat(browser.awaitPlaying("#live-video")).isEqualTo(640);
			browser.await((d) -> d.findElement(By.cssSelector("[data-field=audio]"))
				.getText()
				.endsWith("not played (video only)"));
			assertThat(browser.driver().findElement(sound).isDisplayed()).isFalse();
		}
		finally {
			browser.driver().get("about:blank");
		}
	}

	private String status(String camera) {
		return RestClient.create()
			.get()
			.uri("http://127.0.0.1:" + this.port + "/cameras/" + camera + "/status")
			.header("Authorization", TestUsers.VIEWER.authorization())
			.retrieve()
			.body(String.class);
	}

	/** The track a fragment belongs to, from its tfhd box. */
	private static int trackOf(byte[] fragment) {
		for (int i = 0; i + 12 < fragment.length; i++) {
			if (fragment[i] == 't' && fragment[i + 1] == 'f' && fragment[i + 2] == 'h' && fragment[i + 3] == 'd') {
				return ByteBuffer.wrap(fragment).getInt(i + 8);
			}
		}
		throw new AssertionError("no tfhd box");
	}

	/** How many boxes of this type the bytes hold (their four letters, anywhere). */
	private static int count(byte[] bytes, String type) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int found = 0;
		for (int i = text.indexOf(type); i >= 0; i = text.indexOf(type, i + 4)) {
			found++;
		}
		return found;
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
		return output;
	}

}
