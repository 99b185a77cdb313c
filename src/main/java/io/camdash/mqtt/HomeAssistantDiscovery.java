package io.camdash.mqtt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camdash.camera.Camera;
import org.jspecify.annotations.Nullable;

/**
 * The topics camdash uses and the Home Assistant discovery messages that announce each
 * camera: a camera entity fed with stills, a "Take photo" button, a connectivity sensor
 * (off while the camera has NO SIGNAL) and, for cameras watched for motion, a motion
 * sensor (on while an event is open), all on one device per camera and all unavailable
 * while camdash is offline.
 */
final class HomeAssistantDiscovery {

	static final String ONLINE = "online";

	static final String OFFLINE = "offline";

	static final String PRESS = "PRESS";

	private final MqttProperties properties;

	HomeAssistantDiscovery(MqttProperties properties) {
		this.properties = properties;
	}

	/** camdash's availability: online, or offline (also its last will). */
	String availabilityTopic() {
		return this.properties.topicPrefix() + "/status";
	}

	String imageTopic(String cameraId) {
		return this.properties.topicPrefix() + "/" + cameraId + "/image";
	}

	String connectivityTopic(String cameraId) {
		return this.properties.topicPrefix() + "/" + cameraId + "/connectivity";
	}

	String motionTopic(String cameraId) {
		return this.properties.topicPrefix() + "/" + cameraId + "/motion";
	}

	String photoCommandTopic(String cameraId) {
		return this.properties.topicPrefix() + "/" + cameraId + "/photo/set";
	}

	/** What the photo commands of every camera match. */
	String photoCommandFilter() {
		return this.properties.topicPrefix() + "/+/photo/set";
	}

	/** The camera a photo command is for, or null if the topic is not one. */
	@Nullable String cameraOfPhotoCommand(String topic) {
		String start = this.properties.topicPrefix() + "/";
		String end = "/photo/set";
		if (!topic.startsWith(start) || !topic.endsWith(end) || topic.length() <= start.length() + end.length()) {
			return null;
		}
		String camera = topic.substring(start.length(), topic.length() - end.length());
		return camera.contains("/") ? null : camera;
	}

	/**
	 * The discovery messages of one camera, by topic; {@code motion} adds its motion
	 * sensor.
	 */
	Map<String, Map<String, Object>> messages(Camera camera, boolean motion) {
		String id = camera.id();
		String objectId = objectId(id);
		Map<String, Map<String, Object>> messages = new LinkedHashMap<>();

		Map<String, Object> image = entity(camera, "camera", null);
		image.put("topic", imageTopic(id));
		messages.put(configTopic("camera", objectId), image);

		Map<String, Object> button = entity(camera, "take_photo", "Take photo");
		button.put("command_topic", photoCommandTopic(id));
		button.put("payload_press", PRESS);
		button.put("icon", "mdi:camera");
		messages.put(configTopic("button", objectId + "_take_photo"), button);

		Map<String, Object> connectivity = entity(camera, "connectivity", "Signal");
		connectivity.put("state_topic", connectivityTopic(id));
		connectivity.put("device_class", "connectivity");
		connectivity.put("payload_on", "ON");
		connectivity.put("payload_off", "OFF");
		connectivity.put("entity_category", "diagnostic");
		messages.put(configTopic("binary_sensor", objectId + "_connectivity"), connectivity);

		if (motion) {
			Map<String, Object> moving = entity(camera, "motion", "Motion");
			moving.put("state_topic", motionTopic(id));
			moving.put("device_class", "motion");
			moving.put("payload_on", "ON");
			moving.put("payload_off", "OFF");
			messages.put(motionConfigTopic(id), moving);
		}
		return messages;
	}

	/**
	 * Every topic this camera's messages are retained on: its discovery messages (the
	 * motion sensor's too) and its states. An empty retained message on each makes Home
	 * Assistant remove the camera's entities and the broker forget the rest.
	 */
	List<String> retainedTopics(String cameraId) {
		String objectId = objectId(cameraId);
		return List.of(configTopic("camera", objectId), configTopic("button", objectId + "_take_photo"),
				configTopic("binary_sensor", objectId + "_connectivity"), motionConfigTopic(cameraId),
				imageTopic(cameraId), connectivityTopic(cameraId), motionTopic(cameraId));
	}

	/** The discovery topic of a camera's motion sensor. */
	String motionConfigTopic(String cameraId) {
		return configTopic("binary_sensor", objectId(cameraId) + "_motion");
	}

	/** The camera's id in Home Assistant: camdash's client id, then the camera's. */
	private String objectId(String cameraId) {
		return this.properties.clientId() + "_" + cameraId;
	}

	private String configTopic(String component, String objectId) {
		return this.properties.discoveryPrefix() + "/" + component + "/" + objectId + "/config";
	}

	private Map<String, Object> entity(Camera camera, String kind, @Nullable String name) {
		Map<String, Object> entity = new LinkedHashMap<>();
		// A null name makes the entity take its device's name (the camera's).
		entity.put("name", name);
		entity.put("unique_id", objectId(camera.id()) + "_" + kind);
		entity.put("availability_topic", availabilityTopic());
		entity.put("payload_available", ONLINE);
		entity.put("payload_not_available", OFFLINE);
		entity.put("device", Map.of("identifiers", List.of(objectId(camera.id())), "name", camera.name(),
				"manufacturer", "camdash", "model", "camdash camera"));
		return entity;
	}

}
