package io.camdash.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.camdash.camera.Camera;
import io.camdash.camera.CameraRegistry;
import io.camdash.camera.CameraState;
import io.camdash.camera.LatestFrame;
import io.camdash.motion.MotionStates;
import io.camdash.pictures.PhotoTaker;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.server.ResponseStatusException;

/**
 * What camdash tells Home Assistant about its cameras once connected: their discovery
 * messages, stills, each camera's signal and motion; and the photos Home Assistant asks
 * for. Runs only on {@link MqttBridge}'s thread, and sends through it.
 */
final class CameraFeed {

	private static final Logger log = LoggerFactory.getLogger(CameraFeed.class);

	private static final Duration STILL_TIMEOUT = Duration.ofSeconds(5);

	private final HomeAssistantDiscovery discovery;

	private final CameraRegistry cameras;

	private final PhotoTaker photos;

	private final MotionStates motion;

	private final JsonMapper json;

	private final Broker broker;

	/** The signal last sent for each camera (ON or OFF). */
	private final Map<String, String> sentSignals = new ConcurrentHashMap<>();

	/** The motion state last sent for each camera watched for motion (ON or OFF). */
	private final Map<String, String> sentMotion = new ConcurrentHashMap<>();

	/** Cameras removed while camdash runs, whose retained messages a broker may keep. */
	private final Set<String> removed = new LinkedHashSet<>();

	CameraFeed(HomeAssistantDiscovery discovery, CameraRegistry cameras, PhotoTaker photos, MotionStates motion,
			JsonMapper json, Broker broker) {
		this.discovery = discovery;
		this.cameras = cameras;
		this.photos = photos;
		this.motion = motion;
		this.json = json;
		this.broker = broker;
	}

	/**
	 * Every camera's discovery messages (JSON, by topic), for a broker that may know
	 * nothing: states are sent again after them too. Cameras removed since camdash
	 * started get empty messages, in case the broker kept theirs.
	 */
	Map<String, byte[]> discoveryMessages() {
		Map<String, byte[]> messages = new LinkedHashMap<>();
		for (String removed : this.removed) {
			putEmpty(removed, messages);
		}
		for (Camera camera : this.cameras.all()) {
			putDiscovery(camera, this.motion.watches(camera.id()), messages);
		}
		this.sentSignals.clear();
		this.sentMotion.clear();
		return messages;
	}

	/**
	 * One camera's discovery messages, for a camera added or changed while camdash runs;
	 * a motion sensor no longer watched gets an empty one (Home Assistant removes it).
	 * Its states are sent again after them.
	 */
	Map<String, byte[]> changedMessages(Camera camera) {
		boolean watched = this.motion.watches(camera.id());
		Map<String, byte[]> messages = new LinkedHashMap<>();
		putDiscovery(camera, watched, messages);
		if (!watched) {
			messages.put(this.discovery.motionConfigTopic(camera.id()), new byte[0]);
		}
		this.removed.remove(camera.id());
		this.sentSignals.remove(camera.id());
		this.sentMotion.remove(camera.id());
		return messages;
	}

	/**
	 * Empty messages on every topic a removed camera's messages are retained on: Home
	 * Assistant removes its entities, the broker forgets its still and states.
	 */
	Map<String, byte[]> removalMessages(String cameraId) {
		this.removed.add(cameraId);
		this.sentSignals.remove(cameraId);
		this.sentMotion.remove(cameraId);
		Map<String, byte[]> messages = new LinkedHashMap<>();
		putEmpty(cameraId, messages);
		return messages;
	}

	private void putDiscovery(Camera camera, boolean watched, Map<String, byte[]> messages) {
		this.discovery.messages(camera, watched)
			.forEach((topic, message) -> messages.put(topic, this.json.writeValueAsBytes(message)));
	}

	private void putEmpty(String cameraId, Map<String, byte[]> messages) {
		for (String topic : this.discovery.retainedTopics(cameraId)) {
			messages.put(topic, new byte[0]);
		}
	}

	void takePhoto(String cameraId) {
		try {
			PhotoTaker.Photo photo = this.photos.take(cameraId);
			log.info("Took photo {} for MQTT", photo.name());
			sendStill(this.cameras.require(cameraId));
		}
		catch (ResponseStatusException ex) {
			// An unknown camera or no signal: the reason is a sentence for people.
			log.warn("No photo for MQTT: {}", ex.getReason());
		}
		catch (IOException ex) {
			log.warn("No photo for MQTT: cannot save it ({})", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void sendStills() {
		try {
			for (Camera camera : this.cameras.all()) {
				sendStill(camera);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void sendStill(Camera camera) throws InterruptedException {
		if (!this.broker.isConnected()) {
			return;
		}
		LatestFrame frame = camera.awaitLiveFrame(STILL_TIMEOUT);
		if (frame != null) {
			this.broker.publish(this.discovery.imageTopic(camera.id()), frame.jpeg(), MqttQos.AT_MOST_ONCE, true);
		}
	}

	/**
	 * Sends each camera's signal when it changed (ON while live, OFF on NO SIGNAL), and
	 * its motion (ON while an event is open) if it is watched for motion.
	 */
	void sendSignals() {
		if (!this.broker.isConnected()) {
			return;
		}
		for (Camera camera : this.cameras.all()) {
			if (this.motion.watches(camera.id())) {
				String moving = this.motion.inEvent(camera.id()) ? "ON" : "OFF";
				sendChanged(this.discovery.motionTopic(camera.id()), camera.id(), moving, this.sentMotion);
			}
			String signal = signal(camera.state());
			if (signal != null) {
				sendChanged(this.discovery.connectivityTopic(camera.id()), camera.id(), signal, this.sentSignals);
			}
		}
	}

	private void sendChanged(String topic, String cameraId, String state, Map<String, String> sent) {
		if (!state.equals(sent.get(cameraId))
				&& this.broker.publish(topic, state.getBytes(StandardCharsets.UTF_8), MqttQos.AT_LEAST_ONCE, true)) {
			sent.put(cameraId, state);
		}
	}

	private static @Nullable String signal(CameraState state) {
		return switch (state) {
			case LIVE -> "ON";
			case NO_SIGNAL -> "OFF";
			// Idle or starting says nothing about the camera itself.
			case IDLE, STARTING -> null;
		};
	}

	/** Where the feed sends: the bridge's connection to the broker. */
	interface Broker {

		boolean isConnected();

		/** Sends one message; false if the broker did not take it. */
		boolean publish(String topic, byte[] payload, MqttQos qos, boolean retained);

	}

}
