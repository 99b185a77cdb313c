package io.camdash.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camdash.CamdashApplication;
import io.camdash.support.Mosquitto;
import io.camdash.support.MqttRecorder;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cameras added, renamed and removed on the settings pages reach Home Assistant at once,
 * through a real mosquitto: a new camera's entities appear, a renamed one is announced
 * again, and a removed one's entities and retained messages are cleared, so a client that
 * subscribes afterwards finds nothing of it.
 */
class HomeAssistantCameraChangesIntegrationTests {

	private static final Duration SOON = Duration.ofSeconds(60);

	private static final String YARD_CAMERA = "homeassistant/camera/camdash_yard/config";

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path temp;

	@Test
	void homeAssistantFollowsCamerasAddedRenamedAndRemovedInTheBrowser() throws Exception {
		try (Mosquitto broker = Mosquitto.start(this.temp.resolve("broker"));
				MqttRecorder homeAssistant = MqttRecorder.subscribe(broker.url(), null, null, "homeassistant/#",
						"camdash/#");
				ConfigurableApplicationContext camdash = start(broker)) {
			int port = Integer.parseInt(camdash.getEnvironment().getRequiredProperty("local.server.port"));
			homeAssistant.awaitText("camdash/status", "online", SOON);
			homeAssistant.awaitPayload("homeassistant/camera/camdash_door/config", SOON);
			SignedInClient admin = SignedInClient.signIn(port, TestUsers.ADMIN);
			admin.refreshCsrfToken("/settings/cameras");

			assertThat(admin.post("/settings/cameras/new", camera("Back yard")).statusCode()).isEqualTo(302);
			assertThat(deviceName(homeAssistant.awaitPayload(YARD_CAMERA, SOON))).isEqualTo("Back yard");
			homeAssistant.awaitText("camdash/yard/connectivity", "ON", SOON);

			homeAssistant.forget(YARD_CAMERA);
			assertThat(admin.post("/settings/cameras/yard/edit", camera("Garden")).statusCode()).isEqualTo(302);
			assertThat(deviceName(homeAssistant.awaitPayload(YARD_CAMERA, SOON))).isEqualTo("Garden");

			assertThat(admin.post("/settings/cameras/yard/delete", Map.of()).statusCode()).isEqualTo(302);
			await().atMost(SOON).until(() -> homeAssistant.awaitPayload(YARD_CAMERA, SOON).length == 0);
			try (MqttRecorder later = MqttRecorder.subscribe(broker.url(), null, null, "homeassistant/#",
					"camdash/#")) {
				later.awaitPayload("homeassistant/camera/camdash_door/config", SOON);
				later.awaitPayload("camdash/door/image", SOON);
				assertThat(later.topics()).noneMatch((topic) -> topic.contains("yard"));
			}
		}
	}

	private ConfigurableApplicationContext start(Mosquitto broker) {
		return new SpringApplicationBuilder(CamdashApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--camdash.security.data-folder=" + this.temp.resolve("data"),
				"--camdash.pictures.folder=" + this.temp.resolve("pictures"),
				"--camdash.pictures.thumbnail-cache=" + this.temp.resolve("thumbnails"), "--camdash.cameras[0].id=door",
				"--camdash.mqtt.url=" + broker.url(), "--camdash.mqtt.still-interval=1s");
	}

	private static Map<String, String> camera(String name) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("id", "yard");
		form.put("name", name);
		form.put("kind", "TEST_PATTERN");
		form.put("location", "");
		form.put("width", "320");
		form.put("height", "");
		form.put("fps", "5");
		form.put("overlay", "true");
		return form;
	}

	private static String deviceName(byte[] discovery) {
		JsonNode message = json.readTree(discovery);
		return message.get("device").get("name").asString();
	}

}
