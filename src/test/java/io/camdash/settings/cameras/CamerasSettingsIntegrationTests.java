package io.camdash.settings.cameras;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.camdash.CamdashApplication;
import io.camdash.settings.SettingsFile;
import io.camdash.support.MjpegClient;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestFolders;
import io.camdash.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cameras added, changed and removed on the settings pages run at once, without a
 * restart, and are still there after one; the configuration's cameras stay read-only.
 */
class CamerasSettingsIntegrationTests {

	private static final Path DATA = TestFolders.ROOT.resolveSibling("camdash-settings-cameras-data");

	private static final Path PICTURES = TestFolders.ROOT.resolveSibling("camdash-settings-cameras-pictures");

	private ConfigurableApplicationContext context;

	private int port;

	@BeforeEach
	void start() throws IOException {
		FileSystemUtils.deleteRecursively(DATA);
		FileSystemUtils.deleteRecursively(PICTURES);
		run();
	}

	private void run() {
		this.context = new SpringApplicationBuilder(CamdashApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--camdash.security.data-folder=" + DATA,
				"--camdash.pictures.folder=" + PICTURES, "--camdash.cameras[0].id=door",
				"--camdash.cameras[0].name=Front door");
		this.port = Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	@AfterEach
	void stop() {
		this.context.close();
	}

	private SignedInClient admin() {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		admin.refreshCsrfToken("/settings/cameras");
		return admin;
	}

	private static Map<String, String> camera(String id, String name, String width, String fps) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("id", id);
		form.put("name", name);
		form.put("kind", "TEST_PATTERN");
		form.put("location", "");
		form.put("width", width);
		form.put("height", "");
		form.put("fps", fps);
		form.put("overlay", "true");
		return form;
	}

	@Test
	void aCameraAddedStreamsAtOnceChangesWithoutLosingItsViewerAndEndsWhenRemoved() throws Exception {
		SignedInClient admin = admin();
		HttpResponse<String> added = admin.post("/settings/cameras/new", camera("yard", "Back yard", "320", "10"));
		assertThat(added.statusCode()).isEqualTo(302);
		try (MjpegClient viewer = MjpegClient.open(this.port, "/cameras/yard/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			assertThat(viewer.status()).isEqualTo(200);
			assertThat(width(viewer.nextPart().body())).isEqualTo(320);
			assertThat(admin.post("/cameras/yard/snapshots", Map.of()).statusCode()).isLessThan(400);
			HttpResponse<String> changed = admin.post("/settings/cameras/yard/edit",
					camera("yard", "Back yard", "160", "5"));
			assertThat(changed.statusCode()).isEqualTo(302);
			// The same connection goes on with the new settings.
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			int width = 320;
			while (width != 160 && System.nanoTime() < deadline) {
				width = width(viewer.nextPart().body());
			}
			assertThat(width).isEqualTo(160);
			assertThat(Jsoup.parse(admin.get("/settings/cameras").body())
				.select("tr[data-camera=yard] .camera-fps")
				.text()).isEqualTo("5");
			HttpResponse<String> removed = admin.post("/settings/cameras/yard/delete", Map.of());
			assertThat(removed.statusCode()).isEqualTo(302);
			assertThat(endsWithin(viewer, Duration.ofSeconds(10))).isTrue();
		}
		assertThat(admin.get("/cameras/yard/stream.mjpg").statusCode()).isEqualTo(404);
		try (var pictures = Files.list(PICTURES)) {
			assertThat(pictures.map((p) -> p.getFileName().toString())).anyMatch((name) -> name.startsWith("yard"));
		}
		assertThat(Jsoup.parse(admin.get("/settings/cameras").body()).select("tr.camera"))
			.extracting((row) -> row.attr("data-camera"))
			.containsExactly("door");
	}

	@Test
	void camerasOfTheSettingsFileAreStillThereAfterARestart() {
		admin().post("/settings/cameras/new", camera("yard", "Back yard", "", "7"));
		admin().post("/settings/cameras/new", camera("shed", "Shed", "", "3"));
		admin().post("/settings/cameras/shed/move", Map.of("direction", "up"));
		stop();
		run();
		Document page = Jsoup.parse(admin().get("/settings/cameras").body());
		assertThat(page.select("tr.camera")).extracting((row) -> row.attr("data-camera"))
			.containsExactly("door", "shed", "yard");
		assertThat(page.select("tr.camera .camera-fps")).extracting((cell) -> cell.text())
			.containsExactly("15", "3", "7");
	}

	@Test
	void aCameraCamdashWouldNotStartWithIsRefusedWithItsReasonAndTheTypedValues() {
		HttpResponse<String> refused = admin().post("/settings/cameras/new", camera("yard", "Back yard", "", "500"));
		assertThat(refused.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select(".camera-problems li").text()).contains("fps").contains("120");
		assertThat(page.selectFirst("#fps").val()).isEqualTo("500");
		HttpResponse<String> duplicate = admin().post("/settings/cameras/new", camera("door", "Again", "", ""));
		assertThat(Jsoup.parse(duplicate.body()).select(".camera-problems li").text())
			.contains("duplicate camera id 'door'");
		assertThat(new SettingsFile(DATA).readData()).doesNotContainKey("cameras");
		assertThat(refused.body()).doesNotContain("java.").doesNotContain("Exception");
	}

	@Test
	void theConfigurationsCamerasAreReadOnlyHere() {
		SignedInClient admin = admin();
		assertThat(admin.get("/settings/cameras/door/edit").statusCode()).isEqualTo(404);
		assertThat(admin.post("/settings/cameras/door/delete", Map.of()).statusCode()).isEqualTo(404);
		assertThat(admin.get("/settings/cameras").body()).contains("read-only: application.yaml");
	}

	@Test
	void aPasswordInASourceUrlIsShownMaskedAndKeptWhenLeftUnchanged() {
		SignedInClient admin = admin();
		Map<String, String> form = camera("gate", "Gate", "", "");
		form.put("kind", "NETWORK");
		form.put("location", "rtsp://user:secret-password@127.0.0.1:9/stream?key=secret-key");
		assertThat(admin.post("/settings/cameras/new", form).statusCode()).isEqualTo(302);
		String edit = admin.get("/settings/cameras/gate/edit").body();
		assertThat(edit).doesNotContain("secret-password").doesNotContain("secret-key");
		String shown = Jsoup.parse(edit).selectFirst("#location").val();
		assertThat(shown).isEqualTo("rtsp://***@127.0.0.1:9/stream?key=***");
		form.put("location", shown);
		form.put("name", "Garden gate");
		assertThat(admin.post("/settings/cameras/gate/edit", form).statusCode()).isEqualTo(302);
		@SuppressWarnings("unchecked")
		Map<String, Object> stored = ((List<Map<String, Object>>) new SettingsFile(DATA).readData().get("cameras"))
			.get(0);
		assertThat(stored).containsEntry("name", "Garden gate")
			.containsEntry("source", "rtsp://user:secret-password@127.0.0.1:9/stream?key=secret-key");
	}

	@Test
	void injectionPayloadsAreStoredAsPlainValuesAndChangeNothingElse() throws IOException {
		SignedInClient admin = admin();
		List<String> payloads = List.of("a\nadmin-password: x", "{{7*7}}",
				"!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]",
				"${camdash.security.admin-password}", "x\n---\ncameras: []");
		for (int i = 0; i < payloads.size(); i++) {
			assertThat(admin.post("/settings/cameras/new", camera("p" + i, payloads.get(i), "", "")).statusCode())
				.isEqualTo(302);
		}
		Map<String, Object> data = new SettingsFile(DATA).readData();
		assertThat(data).containsOnlyKeys("cameras");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> cameras = (List<Map<String, Object>>) data.get("cameras");
		assertThat(cameras).extracting((camera) -> camera.get("name")).containsExactlyElementsOf(payloads);
		stop();
		run();
		// The same names after a restart, and the admin's password is still the one
		// configured.
		Document page = Jsoup.parse(admin().get("/settings/cameras").body());
		assertThat(page.select("tr.camera .camera-name")).extracting((cell) -> cell.wholeText())
			.containsSubsequence(payloads);
	}

	private static int width(byte[] jpeg) throws IOException {
		return ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth();
	}

	/**
	 * Whether the stream ends (reading fails) within the time; frames meanwhile are read.
	 */
	private static boolean endsWithin(MjpegClient viewer, Duration time) {
		long deadline = System.nanoTime() + time.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				viewer.nextPart();
			}
			catch (IOException ex) {
				return true;
			}
		}
		return false;
	}

}
