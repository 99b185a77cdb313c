package io.camdash.mqtt;

import io.camdash.camera.CameraRegistry;
import io.camdash.motion.MotionStates;
import io.camdash.pictures.PhotoTaker;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** MQTT for Home Assistant, only when {@code camdash.mqtt.url} is set. */
@Configuration(proxyBeanMethods = false)
class MqttConfiguration {

	/**
	 * The bridge, or no bean (null) without a broker URL. Decided here rather than by a
	 * condition: the jar's ahead-of-time processing fixes conditions when camdash is
	 * built, and the URL is a setting read at each start.
	 */
	@Bean
	@Nullable MqttBridge mqttBridge(MqttProperties mqtt, CameraRegistry cameras, PhotoTaker photos, MotionStates motion,
			JsonMapper json) {
		String url = mqtt.url();
		if (url == null || url.isBlank()) {
			return null;
		}
		return new MqttBridge(mqtt, cameras, photos, motion, json);
	}

}
