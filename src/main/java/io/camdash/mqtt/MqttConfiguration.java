package io.camdash.mqtt;

import io.camdash.camera.CameraRegistry;
import io.camdash.motion.MotionStates;
import io.camdash.pictures.PhotoTaker;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** MQTT for Home Assistant, only when {@code camdash.mqtt.url} is set. */
@Configuration(proxyBeanMethods = false)
class MqttConfiguration {

	@Bean
	@ConditionalOnExpression("!'${camdash.mqtt.url:}'.isBlank()")
	MqttBridge mqttBridge(MqttProperties properties, CameraRegistry cameras, PhotoTaker photos, MotionStates motion,
			JsonMapper json) {
		return new MqttBridge(properties, cameras, photos, motion, json);
	}

}
