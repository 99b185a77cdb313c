package io.camdash.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import io.camdash.camera.Camera;
import io.camdash.camera.CameraChangeListener;
import io.camdash.camera.CameraRegistry;
import io.camdash.motion.MotionStates;
import io.camdash.pictures.PhotoTaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.SmartLifecycle;

/**
 * camdash on an MQTT broker for Home Assistant: keeps the connection, with
 * {@code {prefix}/status} online and a last will of offline, and runs the
 * {@link CameraFeed} (discovery, stills, signals, photos) over it. Reconnects by itself,
 * waiting a second and then twice as long each time up to
 * {@code camdash.mqtt.reconnect-max-delay}; after reconnecting it announces everything
 * again (a restarted broker may have forgotten it). Cameras added, changed or removed on
 * the settings pages are announced, or cleared from Home Assistant, as they change.
 * <p>
 * Everything runs on one thread of its own ("camdash-mqtt"): connecting, publishing and
 * taking photos, which may wait up to the snapshot timeout. The client's callbacks only
 * hand work to that thread.
 * <p>
 * Longer than most classes: it is one state machine (connect, announce, lose, back off,
 * stop), kept in one place so that every transition is under one lock and each race with
 * the client's own thread is settled where it is named.
 */
final class MqttBridge implements SmartLifecycle, CameraFeed.Broker, CameraChangeListener {

	private static final Logger log = LoggerFactory.getLogger(MqttBridge.class);

	private static final Duration FIRST_RECONNECT_DELAY = Duration.ofSeconds(1);

	/** How long a request waits for the broker: longer than the client's own timeouts. */
	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(MqttClients.CONNECT_TIMEOUT_SECONDS * 2 + 5);

	private enum State {

		/** Not started yet. */
		NEW,

		/** Started; connecting, or waiting to try again. */
		CONNECTING,

		/** Connected and announced. */
		CONNECTED,

		/** Stopped for good. */
		CLOSED

	}

	private final MqttProperties properties;

	private final HomeAssistantDiscovery discovery;

	private final CameraFeed feed;

	private final Mqtt3AsyncClient client;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "camdash-mqtt");
		thread.setDaemon(true);
		return thread;
	});

	// Guarded by this.
	private State state = State.NEW;

	// Used only on the executor's thread.
	private Duration reconnectDelay = FIRST_RECONNECT_DELAY;

	/** The last connection attempt; stop() lets it end before disconnecting. */
	private volatile CompletableFuture<?> attempt = CompletableFuture.completedFuture(null);

	MqttBridge(MqttProperties properties, CameraRegistry cameras, PhotoTaker photos, MotionStates motion,
			JsonMapper json) {
		this.properties = properties;
		this.discovery = new HomeAssistantDiscovery(properties);
		this.feed = new CameraFeed(this.discovery, cameras, photos, motion, json, this);
		this.client = MqttClients.create(properties, this.discovery, this::disconnected);
		cameras.addListener(this);
	}

	@Override
	public void cameraAdded(Camera camera, Binder settings) {
		handOff(() -> sendAll(this.feed.changedMessages(camera)));
	}

	@Override
	public void cameraChanged(Camera camera, Binder settings) {
		handOff(() -> sendAll(this.feed.changedMessages(camera)));
	}

	@Override
	public void cameraRemoved(Camera camera) {
		handOff(() -> sendAll(this.feed.removalMessages(camera.id())));
	}

	/**
	 * Sends retained messages while connected; when not, the next connection announces
	 * every camera and clears the removed ones.
	 */
	private void sendAll(Map<String, byte[]> messages) {
		if (!isConnected()) {
			return;
		}
		messages.forEach((topic, payload) -> publish(topic, payload, MqttQos.AT_LEAST_ONCE, true));
	}

	@Override
	public synchronized void start() {
		if (this.state != State.NEW) {
			return;
		}
		this.state = State.CONNECTING;
		this.executor.execute(this::connect);
		this.executor.scheduleWithFixedDelay(() -> {
			watchConnection();
			this.feed.sendSignals();
		}, 1, 1, TimeUnit.SECONDS);
		long stills = this.properties.stillInterval().toMillis();
		if (stills > 0) {
			this.executor.scheduleWithFixedDelay(this.feed::sendStills, stills, stills, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void stop() {
		synchronized (this) {
			this.state = State.CLOSED;
		}
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			// An attempt still under way could connect after this: let it end first.
			this.attempt.handle((connAck, failure) -> null).get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (this.client.getState().isConnected()) {
				// A clean disconnect does not fire the last will: say offline first.
				send(this.discovery.availabilityTopic(), bytes(HomeAssistantDiscovery.OFFLINE), MqttQos.AT_LEAST_ONCE,
						true);
				this.client.disconnect().get(2, TimeUnit.SECONDS);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			log.debug("MQTT connection ended with an error", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.state == State.CONNECTING || this.state == State.CONNECTED;
	}

	@Override
	public int getPhase() {
		// Starts before the cameras and stops after them: their last frames are not
		// needed.
		return Integer.MAX_VALUE - 1;
	}

	private void connect() {
		synchronized (this) {
			if (this.state != State.CONNECTING) {
				return;
			}
		}
		try {
			CompletableFuture<?> connecting = this.client.connectWith().cleanSession(true).keepAlive(30).send();
			this.attempt = connecting;
			answer(connecting);
			announce();
			synchronized (this) {
				if (this.state == State.CONNECTING) {
					this.state = State.CONNECTED;
				}
			}
			this.reconnectDelay = FIRST_RECONNECT_DELAY;
			log.info("Connected to MQTT broker {} as '{}'", this.properties.url(), this.properties.clientId());
		}
		catch (ExecutionException | TimeoutException ex) {
			log.warn("Cannot connect to MQTT broker {} ({}); trying again in {} s", this.properties.url(), reason(ex),
					this.reconnectDelay.toSeconds());
			disconnectQuietly();
			retryLater();
		}
		catch (InterruptedException ex) {
			// Stopping.
			Thread.currentThread().interrupt();
		}
	}

	/** Subscribes to commands and sends everything a fresh broker needs. */
	private void announce() throws ExecutionException, TimeoutException, InterruptedException {
		answer(this.client.subscribeWith()
			.topicFilter(this.discovery.photoCommandFilter())
			.qos(MqttQos.AT_LEAST_ONCE)
			.callback(this::command)
			.send());
		for (Map.Entry<String, byte[]> message : this.feed.discoveryMessages().entrySet()) {
			send(message.getKey(), message.getValue(), MqttQos.AT_LEAST_ONCE, true);
		}
		send(this.discovery.availabilityTopic(), bytes(HomeAssistantDiscovery.ONLINE), MqttQos.AT_LEAST_ONCE, true);
	}

	private void retryLater() {
		synchronized (this) {
			if (this.state == State.CLOSED) {
				return;
			}
			this.state = State.CONNECTING;
		}
		this.executor.schedule(this::connect, this.reconnectDelay.toMillis(), TimeUnit.MILLISECONDS);
		Duration doubled = this.reconnectDelay.multipliedBy(2);
		this.reconnectDelay = (doubled.compareTo(this.properties.reconnectMaxDelay()) > 0)
				? this.properties.reconnectMaxDelay() : doubled;
	}

	private void disconnectQuietly() {
		if (this.client.getState().isConnected()) {
			try {
				this.client.disconnect().get(1, TimeUnit.SECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				log.debug("Could not close a failed MQTT connection", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Called by the client on every disconnect, failed attempts and our own included;
	 * only losing an announced connection is news here.
	 */
	private void disconnected(MqttClientDisconnectedContext context) {
		synchronized (this) {
			if (this.state != State.CONNECTED) {
				return;
			}
			this.state = State.CONNECTING;
		}
		log.warn("Lost the MQTT broker {} ({}); reconnecting", this.properties.url(), context.getCause().getMessage());
		handOff(this::retryLater);
	}

	/**
	 * Catches a connection lost while it was being announced: the client said so while
	 * the state was still CONNECTING, so {@link #disconnected} left it alone.
	 */
	private void watchConnection() {
		synchronized (this) {
			if (this.state != State.CONNECTED || this.client.getState().isConnected()) {
				return;
			}
			this.state = State.CONNECTING;
		}
		log.warn("Lost the MQTT broker {}; reconnecting", this.properties.url());
		retryLater();
	}

	private void command(Mqtt3Publish message) {
		String camera = this.discovery.cameraOfPhotoCommand(message.getTopic().toString());
		String payload = new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8).strip();
		if (camera != null && HomeAssistantDiscovery.PRESS.equals(payload)) {
			handOff(() -> this.feed.takePhoto(camera));
		}
	}

	private void handOff(Runnable work) {
		try {
			this.executor.execute(work);
		}
		catch (RejectedExecutionException ex) {
			// Stopping: nothing more to do.
		}
	}

	@Override
	public synchronized boolean isConnected() {
		return this.state == State.CONNECTED;
	}

	@Override
	public boolean publish(String topic, byte[] payload, MqttQos qos, boolean retained) {
		try {
			send(topic, payload, qos, retained);
			return true;
		}
		catch (ExecutionException | TimeoutException ex) {
			log.debug("Could not publish to MQTT topic {}: {}", topic, reason(ex));
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void send(String topic, byte[] payload, MqttQos qos, boolean retained)
			throws ExecutionException, TimeoutException, InterruptedException {
		answer(this.client.publishWith().topic(topic).payload(payload).qos(qos).retain(retained).send());
	}

	/**
	 * Waits for the broker's answer; the client's failures come as ExecutionException.
	 */
	private static void answer(CompletableFuture<?> request)
			throws ExecutionException, TimeoutException, InterruptedException {
		request.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static String reason(Exception ex) {
		Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
