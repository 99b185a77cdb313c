package io.camdash.mqtt;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuthBuilder;

/**
 * Makes camdash's MQTT 3.1.1 client (HiveMQ MQTT Client) from {@code camdash.mqtt}: the
 * broker from the URL ({@code tcp://}, {@code ssl://}, {@code ws://} or {@code wss://},
 * with the scheme's usual port when none is given), the user name and password, and a
 * retained last will of {@code offline} on the availability topic. The client never
 * reconnects by itself: {@link MqttBridge} does, with its own backoff.
 */
final class MqttClients {

	/** How long opening the socket, and then the MQTT handshake, may each take. */
	static final int CONNECT_TIMEOUT_SECONDS = 10;

	private MqttClients() {
	}

	static Mqtt3AsyncClient create(MqttProperties properties, HomeAssistantDiscovery discovery,
			MqttClientDisconnectedListener disconnected) {
		Mqtt3ClientBuilder builder = MqttClient.builder()
			.useMqttVersion3()
			.identifier(properties.clientId())
			.transportConfig(transport(properties.url()))
			.willPublish()
			.topic(discovery.availabilityTopic())
			.payload(HomeAssistantDiscovery.OFFLINE.getBytes(StandardCharsets.UTF_8))
			.qos(MqttQos.AT_LEAST_ONCE)
			.retain(true)
			.applyWillPublish()
			.addDisconnectedListener(disconnected);
		String username = properties.username();
		if (username != null && !username.isBlank()) {
			Mqtt3SimpleAuthBuilder.Nested.Complete<? extends Mqtt3ClientBuilder> auth = builder.simpleAuth()
				.username(username);
			String password = properties.password();
			if (password != null) {
				auth = auth.password(password.getBytes(StandardCharsets.UTF_8));
			}
			builder = auth.applySimpleAuth();
		}
		return builder.buildAsync();
	}

	private static MqttClientTransportConfig transport(String url) {
		URI broker = URI.create(url);
		if (broker.getHost() == null) {
			throw new IllegalArgumentException("camdash.mqtt.url: no broker host name in " + url);
		}
		String scheme = broker.getScheme();
		MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
			.serverHost(broker.getHost())
			.socketConnectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
			.mqttConnectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		if (broker.getPort() != -1) {
			transport = transport.serverPort(broker.getPort());
		}
		if (scheme.equals("ssl") || scheme.equals("wss")) {
			transport = transport.sslWithDefaultConfig();
		}
		if (scheme.equals("ws") || scheme.equals("wss")) {
			String path = (broker.getRawPath() != null) ? broker.getRawPath() : "";
			transport = transport.webSocketConfig().serverPath(path).applyWebSocketConfig();
		}
		return transport.build();
	}

}
