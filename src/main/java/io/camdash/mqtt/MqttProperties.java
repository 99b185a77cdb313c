package io.camdash.mqtt;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * MQTT for Home Assistant, under {@code camdash.mqtt}: off until {@code url} is set.
 *
 * @param url the broker, such as tcp://homeassistant.local:1883 (ssl:// for TLS, ws:// or
 * wss:// for MQTT over WebSocket); empty: MQTT is off
 * @param username user name at the broker, if it asks for one
 * @param password password at the broker (needs the user name)
 * @param clientId camdash's client id at the broker, and the start of its entities'
 * unique ids: give each camdash on one broker its own
 * @param topicPrefix the start of camdash's own topics: {prefix}/status (online or
 * offline), {prefix}/{camera}/image, /connectivity and /photo/set
 * @param discoveryPrefix Home Assistant's discovery prefix
 * @param stillInterval how often each camera's newest frame is sent to Home Assistant's
 * camera entity (this keeps the cameras running); 0: only when a photo is taken
 * @param reconnectMaxDelay the longest wait between two attempts to reach the broker (the
 * wait starts at a second and doubles)
 */
@ConfigurationProperties("camdash.mqtt")
@Validated
public record MqttProperties(
		@Pattern(regexp = "|(tcp|ssl|ws|wss)://\\S+",
				message = "must be a broker URL such as tcp://homeassistant.local:1883") @Nullable String url,
		@Nullable String username, @Nullable String password,
		@DefaultValue("camdash") @NotNull @Pattern(regexp = TOPIC_PART, message = TOPIC_MESSAGE) String clientId,
		@DefaultValue("camdash") @NotNull @Pattern(regexp = TOPIC_PART, message = TOPIC_MESSAGE) String topicPrefix,
		@DefaultValue("homeassistant") @NotNull @Pattern(regexp = TOPIC_PART,
				message = TOPIC_MESSAGE) String discoveryPrefix,
		@DefaultValue("10s") @NotNull Duration stillInterval,
		@DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration reconnectMaxDelay) {

	static final String TOPIC_PART = "[A-Za-z0-9_-]{1,64}";

	static final String TOPIC_MESSAGE = "must be 1-64 letters, digits, '_' or '-'";

	public MqttProperties {
		if (stillInterval.isNegative()) {
			throw new IllegalArgumentException("camdash.mqtt.still-interval: must not be negative");
		}
		if (password != null && !password.isEmpty() && (username == null || username.isBlank())) {
			// MQTT 3.1.1 sends a password only with a user name.
			throw new IllegalArgumentException("camdash.mqtt.password: needs camdash.mqtt.username too");
		}
	}

	@Override
	public String toString() {
		// Never print the password.
		return "MqttProperties[url=" + this.url + ", username=" + this.username + ", clientId=" + this.clientId + "]";
	}

}
