package io.camdash.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import static org.awaitility.Awaitility.await;

/**
 * A test's MQTT client: subscribes to topics and keeps the last message of each (retained
 * ones included), so a test can wait for a topic to hold a given payload.
 */
public final class MqttRecorder implements AutoCloseable {

	private final MqttClient client;

	private final Map<String, byte[]> last = new ConcurrentHashMap<>();

	private MqttRecorder(MqttClient client) {
		this.client = client;
	}

	/** Connects to {@code url} and subscribes to each filter. */
	public static MqttRecorder subscribe(String url, String... filters) throws MqttException {
		MqttClient client = new MqttClient(url, "test-" + UUID.randomUUID(), new MemoryPersistence());
		MqttRecorder recorder = new MqttRecorder(client);
		client.setCallback(new MqttCallback() {
			@Override
			public void connectionLost(Throwable cause) {
			}

			@Override
			public void messageArrived(String topic, MqttMessage message) {
				recorder.last.put(topic, message.getPayload());
			}

			@Override
			public void deliveryComplete(IMqttDeliveryToken token) {
			}
		});
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		client.connect(options);
		for (String filter : filters) {
			client.subscribe(filter, 1);
		}
		return recorder;
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

	public void publish(String topic, String payload) throws MqttException {
		this.client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
	}

	@Override
	public void close() throws MqttException {
		if (this.client.isConnected()) {
			this.client.disconnect();
		}
		this.client.close();
	}

}
