package io.camdash.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;

import static org.awaitility.Awaitility.await;

/**
 * A test's MQTT client: subscribes to topics and keeps the last message of each (retained
 * ones included), so a test can wait for a topic to hold a given payload.
 */
public final class MqttRecorder implements AutoCloseable {

	private static final long TIMEOUT_SECONDS = 10;

	private final Mqtt3AsyncClient client;

	private final Map<String, byte[]> last = new ConcurrentHashMap<>();

	private MqttRecorder(Mqtt3AsyncClient client) {
		this.client = client;
	}

	/** Connects to {@code url} as {@code username} and subscribes to each filter. */
	public static MqttRecorder subscribe(String url, String username, String password, String... filters)
			throws Exception {
		MqttRecorder recorder = new MqttRecorder(client(url, username, password));
		recorder.client.connectWith().cleanSession(true).send().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		for (String filter : filters) {
			recorder.client.subscribeWith()
				.topicFilter(filter)
				.qos(MqttQos.AT_LEAST_ONCE)
				.callback((message) -> recorder.last.put(message.getTopic().toString(), message.getPayloadAsBytes()))
				.send()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		return recorder;
	}

	/**
	 * Tries to connect to {@code url} as {@code username} (or anonymously with null); the
	 * broker's refusal or its absence comes as an exception.
	 */
	public static void connectAndLeave(String url, String username, String password) throws Exception {
		Mqtt3AsyncClient client = client(url, username, password);
		client.connect().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		client.disconnect().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	private static Mqtt3AsyncClient client(String url, String username, String password) {
		URI broker = URI.create(url);
		Mqtt3ClientBuilder builder = MqttClient.builder()
			.useMqttVersion3()
			.identifier("test-" + UUID.randomUUID())
			.serverHost(broker.getHost())
			.serverPort(broker.getPort());
		if (username != null) {
			builder = builder.simpleAuth()
				.username(username)
				.password(password.getBytes(StandardCharsets.UTF_8))
				.applySimpleAuth();
		}
		return builder.buildAsync();
	}

	/** The last payload of a topic, as text, once it equals {@code expected}. */
	public void awaitText(String topic, String expected, Duration timeout) {
		await().atMost(timeout).until(() -> expected.equals(text(topic)));
	}

	/** The last payload of a topic once there is one. */
	public byte[] awaitPayload(String topic, Duration timeout) {
		await().atMost(timeout).until(() -> this.last.containsKey(topic));
		return this.last.get(topic);
	}

	/** Forgets a topic's last payload, to wait for the next one. */
	public void forget(String topic) {
		this.last.remove(topic);
	}

	/** Every topic a message arrived on so far. */
	public Set<String> topics() {
		return Set.copyOf(this.last.keySet());
	}

	public String text(String topic) {
		byte[] payload = this.last.get(topic);
		return (payload != null) ? new String(payload, StandardCharsets.UTF_8) : null;
	}

	public void publish(String topic, String payload) throws Exception {
		this.client.publishWith()
			.topic(topic)
			.payload(payload.getBytes(StandardCharsets.UTF_8))
			.qos(MqttQos.AT_LEAST_ONCE)
			.send()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws Exception {
		if (this.client.getState().isConnected()) {
			this.client.disconnect().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
	}

}
