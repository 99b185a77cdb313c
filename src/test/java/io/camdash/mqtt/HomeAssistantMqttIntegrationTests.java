package io.camdash.mqtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.camdash.CamdashApplication;
import io.camdash.support.Mosquitto;
import io.camdash.support.MqttRecorder;
import io.camdash.support.ReadmeRecipes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * camdash, run as its own process with the README's {@code camdash.mqtt} block, against a
 * real mosquitto that lets in only signed-in users: Home Assistant discovery, stills and
 * signal, a photo taken from MQTT, reconnecting after the broker restarts, and the last
 * will when camdash is killed.
 */
class HomeAssistantMqttIntegrationTests {

	/** Generous: a build machine running other tests may start camdash slowly. */
	private static final Duration START_UP = Duration.ofMinutes(8);

	private static final Duration SOON = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Home Assistant's own user at the broker; camdash's comes from the README. */
	private static final String HOME_ASSISTANT = "homeassistant";

	private static final String HOME_ASSISTANT_PASSWORD = "ha-secret";

	@TempDir
	Path temp;

	@Test
	void homeAssistantSeesTheCamerasTakesPhotosAndLearnsWhenCamdashIsGone() throws Exception {
		Map<String, String> readme = readmeMqtt();
		try (Mosquitto broker = Mosquitto.startSigningIn(this.temp.resolve("broker"),
				Map.of(readme.get("username"), readme.get("password"), HOME_ASSISTANT, HOME_ASSISTANT_PASSWORD));
				MqttRecorder homeAssistant = subscribe(broker)) {
			// The broker lets no one in without the right password: camdash gets in only
			// with the README's user name and password.
			assertThatException().isThrownBy(() -> MqttRecorder.connectAndLeave(broker.url(), null, null));
			assertThatException()
				.isThrownBy(() -> MqttRecorder.connectAndLeave(broker.url(), readme.get("username"), "wrong"));
			Process camdash = startCamdash(broker);
			try {
				homeAssistant.awaitText("camdash/status", "online", START_UP);
				assertDiscovery(homeAssistant);

				// Stills for the camera entity, and each camera's signal.
				byte[] still = homeAssistant.awaitPayload("camdash/cam/image", SOON);
				assertThat(still).startsWith(0xFF, 0xD8);
				homeAssistant.awaitText("camdash/cam/connectivity", "ON", SOON);
				homeAssistant.awaitText("camdash/usb/connectivity", "OFF", SOON);

				// The test pattern's ball never stops: camera "cam", watched for motion,
				// has an event open.
				homeAssistant.awaitText("camdash/cam/motion", "ON", SOON);

				// The "Take photo" button.
				homeAssistant.publish("camdash/cam/photo/set", "PRESS");
				await().atMost(SOON).until(() -> pictures().size() == 1);
				assertThat(pictures().get(0).getFileName().toString()).startsWith("cam_").endsWith(".jpg");

				// The broker restarts and forgets everything (no persistence): camdash
				// reconnects and announces itself again.
				broker.restart();
				try (MqttRecorder afterRestart = subscribe(broker)) {
					afterRestart.awaitText("camdash/status", "online", SOON);
					assertDiscovery(afterRestart);
					// Subscribed again: the button still works.
					afterRestart.publish("camdash/cam/photo/set", "PRESS");
					await().atMost(SOON).until(() -> pictures().size() == 2);

					// Killed: the broker sends camdash's last will.
					camdash.destroyForcibly();
					afterRestart.awaitText("camdash/status", "offline", SOON);
				}
			}
			catch (AssertionError | RuntimeException ex) {
				System.err.println("camdash's log:\n" + Files.readString(this.temp.resolve("camdash.log")));
				throw ex;
			}
			finally {
				camdash.destroyForcibly();
			}
		}
	}

	private static void assertDiscovery(MqttRecorder homeAssistant) {
		JsonNode camera = json.readTree(homeAssistant.awaitPayload("homeassistant/camera/camdash_cam/config", SOON));
		assertThat(camera.get("topic").asString()).isEqualTo("camdash/cam/image");
		assertThat(camera.get("unique_id").asString()).isEqualTo("camdash_cam_camera");
		assertThat(camera.get("availability_topic").asString()).isEqualTo("camdash/status");
		assertThat(camera.get("device").get("identifiers").get(0).asString()).isEqualTo("camdash_cam");

		JsonNode button = json
			.readTree(homeAssistant.awaitPayload("homeassistant/button/camdash_cam_take_photo/config", SOON));
		assertThat(button.get("command_topic").asString()).isEqualTo("camdash/cam/photo/set");
		assertThat(button.get("payload_press").asString()).isEqualTo("PRESS");
		assertThat(button.get("availability_topic").asString()).isEqualTo("camdash/status");

		JsonNode signal = json
			.readTree(homeAssistant.awaitPayload("homeassistant/binary_sensor/camdash_usb_connectivity/config", SOON));
		assertThat(signal.get("device_class").asString()).isEqualTo("connectivity");
		assertThat(signal.get("state_topic").asString()).isEqualTo("camdash/usb/connectivity");
		assertThat(signal.get("device").get("name").asString()).isEqualTo("USB camera");

		JsonNode motion = json
			.readTree(homeAssistant.awaitPayload("homeassistant/binary_sensor/camdash_cam_motion/config", SOON));
		assertThat(motion.get("device_class").asString()).isEqualTo("motion");
		assertThat(motion.get("state_topic").asString()).isEqualTo("camdash/cam/motion");
		assertThat(motion.get("availability_topic").asString()).isEqualTo("camdash/status");
		// Only cameras watched for motion have a motion sensor.
		assertThat(homeAssistant.topics()).doesNotContain("homeassistant/binary_sensor/camdash_usb_motion/config");
	}

	private static MqttRecorder subscribe(Mosquitto broker) throws Exception {
		return MqttRecorder.subscribe(broker.url(), HOME_ASSISTANT, HOME_ASSISTANT_PASSWORD, "homeassistant/#",
				"camdash/#");
	}

	/** The README's {@code camdash.mqtt} block, as written. */
	private static Map<String, String> readmeMqtt() throws IOException {
		Map<String, Map<String, Map<String, String>>> yaml = new Yaml().load(ReadmeRecipes.recipe("mqtt"));
		return yaml.get("camdash").get("mqtt");
	}

	private Process startCamdash(Mosquitto broker) throws IOException {
		// The README's block as written, only the broker's address put in.
		Path readmeConfig = this.temp.resolve("readme-mqtt.yaml");
		Files.writeString(readmeConfig,
				ReadmeRecipes.recipe("mqtt").replace("homeassistant.local:1883", "127.0.0.1:" + broker.port()));
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// Starts faster on a busy build machine; nothing here is about speed.
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(CamdashApplication.class.getName());
		command.add("--server.port=0");
		command.add("--server.address=127.0.0.1");
		command.add("--camdash.cameras[0].id=cam");
		command.add("--camdash.cameras[0].motion.enabled=true");
		command.add("--camdash.cameras[1].id=usb");
		command.add("--camdash.cameras[1].name=USB camera");
		command.add("--camdash.cameras[1].source=device:0");
		command.add("--camdash.streaming.snapshot-timeout=2s");
		command.add("--spring.config.additional-location=file:" + readmeConfig);
		command.add("--camdash.mqtt.still-interval=1s");
		command.add("--camdash.mqtt.reconnect-max-delay=2s");
		command.add("--camdash.pictures.folder=" + this.temp.resolve("pictures"));
		command.add("--camdash.pictures.thumbnail-cache=" + this.temp.resolve("thumbnails"));
		command.add("--camdash.security.data-folder=" + this.temp.resolve("data"));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.temp.resolve("camdash.log").toFile())
			.start();
	}

	private List<Path> pictures() throws IOException {
		Path folder = this.temp.resolve("pictures");
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			// Photos only: not the motion event's picture (-motion.jpg) nor its clip
			// being
			// recorded (a hidden file).
			return files.filter(Files::isRegularFile)
				.filter((file) -> file.getFileName().toString().endsWith(".jpg"))
				.filter((file) -> !file.getFileName().toString().endsWith("-motion.jpg"))
				.filter((file) -> !file.getFileName().toString().startsWith("."))
				.toList();
		}
	}

}
