package io.camdash.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraRegistry;
import io.camdash.camera.CameraState;
import io.camdash.camera.LatestFrame;
import io.camdash.motion.MotionStates;
import io.camdash.pictures.PhotoTaker;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.server.ResponseStatusException;

/**
 * camdash on an MQTT broker for Home Assistant: announces each camera (discovery), keeps
 * {@code {prefix}/status} online with a last will of offline, sends stills and each
 * camera's signal, and takes a photo when its button is pressed. Reconnects by itself,
 * waiting a second and then twice as long each time up to
 * {@code camdash.mqtt.reconnect-max-delay}; after reconnecting it announces everything
 * again (a restarted broker may have forgotten it).
 * <p>
 * Everything runs on one thread of its own ("camdash-mqtt"): connecting, publishing and
 * taking photos, which may wait up to the snapshot timeout. Paho's callbacks only hand
 * work to that thread.
 */
final class MqttBridge implements SmartLifecycle, MqttCallback {

	private static final Logger log = LoggerFactory.getLogger(MqttBridge.class);

	private static final Duration FIRST_RECONNECT_DELAY = Duration.ofSeconds(1);

	private static final Duration STILL_TIMEOUT = Duration.ofSeconds(5);

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

	private final CameraRegistry cameras;

	private final PhotoTaker photos;

	private final MotionStates motion;

	private final JsonMapper json;

	private final MqttClient client;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "camdash-mqtt");
		thread.setDaemon(true);
		return thread;
	});

	/** The signal last sent for each camera (ON or OFF). */
	private final Map<String, String> sentSignals = new ConcurrentHashMap<>();

	/** The motion state last sent for each camera watched for motion (ON or OFF). */
	private final Map<String, String> sentMotion = new ConcurrentHashMap<>();

	// Guarded by this.
	private State state = State.NEW;

	// Used only on the executor's thread.
	private Duration reconnectDelay = FIRST_RECONNECT_DELAY;

	MqttBridge(MqttProperties properties, CameraRegistry cameras, PhotoTaker photos, MotionStates motion,
			JsonMapper json) throws MqttException {
		this.properties = properties;
		this.discovery = new HomeAssistantDiscovery(properties);
		this.cameras = cameras;
		this.photos = photos;
		this.motion = motion;
		this.json = json;
		this.client = new MqttClient(properties.url(), properties.clientId(), new MemoryPersistence());
		this.client.setCallback(this);
	}

	@Override
	public synchronized void start() {
		if (this.state != State.NEW) {
			return;
		}
		this.state = State.CONNECTING;
		this.executor.execute(this::connect);
		this.executor.scheduleWithFixedDelay(this::sendSignals, 1, 1, TimeUnit.SECONDS);
		long stills = this.properties.stillInterval().toMillis();
		if (stills > 0) {
			this.executor.scheduleWithFixedDelay(this::sendStills, stills, stills, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void stop() {
		boolean wasConnected;
		synchronized (this) {
			wasConnected = this.state == State.CONNECTED;
			this.state = State.CLOSED;
		}
		this.executor.shutdownNow();
		try {
			if (wasConnected) {
				// A clean disconnect does not fire the last will: say offline first.
				publish(this.discovery.availabilityTopic(), bytes(HomeAssistantDiscovery.OFFLINE), 1, true);
				this.client.disconnect(2000);
			}
			this.client.close(true);
		}
		catch (MqttException ex) {
			log.debug("MQTT connection ended with an error", ex);
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
			this.client.connect(options());
			announce();
			synchronized (this) {
				if (this.state == State.CONNECTING) {
					this.state = State.CONNECTED;
				}
			}
			this.reconnectDelay = FIRST_RECONNECT_DELAY;
			log.info("Connected to MQTT broker {} as '{}'", this.properties.url(), this.properties.clientId());
		}
		catch (MqttException ex) {
			log.warn("Cannot reach MQTT broker {} ({}); trying again in {} s", this.properties.url(), ex.getMessage(),
					this.reconnectDelay.toSeconds());
			disconnectQuietly();
			retryLater();
		}
	}

	private MqttConnectOptions options() {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		options.setAutomaticReconnect(false);
		options.setConnectionTimeout(10);
		options.setKeepAliveInterval(30);
		if (this.properties.username() != null && !this.properties.username().isBlank()) {
			options.setUserName(this.properties.username());
		}
		if (this.properties.password() != null) {
			options.setPassword(this.properties.password().toCharArray());
		}
		options.setWill(this.discovery.availabilityTopic(), bytes(HomeAssistantDiscovery.OFFLINE), 1, true);
		return options;
	}

	/** Subscribes to commands and sends everything a fresh broker needs. */
	private void announce() throws MqttException {
		this.client.subscribe(this.discovery.photoCommandFilter(), 1);
		for (Camera camera : this.cameras.all()) {
			boolean watched = this.motion.watches(camera.id());
			for (Map.Entry<String, Map<String, Object>> message : this.discovery.messages(camera, watched).entrySet()) {
				publish(message.getKey(), this.json.writeValueAsBytes(message.getValue()), 1, true);
			}
		}
		this.sentSignals.clear();
		this.sentMotion.clear();
		publish(this.discovery.availabilityTopic(), bytes(HomeAssistantDiscovery.ONLINE), 1, true);
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
		try {
			if (this.client.isConnected()) {
				this.client.disconnectForcibly(0, 1000);
			}
		}
		catch (MqttException ex) {
			log.debug("Could not close a failed MQTT connection", ex);
		}
	}

	@Override
	public void connectionLost(Throwable cause) {
		log.warn("Lost the MQTT broker {} ({}); reconnecting", this.properties.url(), cause.getMessage());
		synchronized (this) {
			if (this.state != State.CONNECTED) {
				return;
			}
			this.state = State.CONNECTING;
		}
		this.executor.execute(this::retryLater);
	}

	@Override
	public void messageArrived(String topic, MqttMessage message) {
		String camera = this.discovery.cameraOfPhotoCommand(topic);
		String payload = new String(message.getPayload(), StandardCharsets.UTF_8).strip();
		if (camera != null && HomeAssistantDiscovery.PRESS.equals(payload)) {
			this.executor.execute(() -> takePhoto(camera));
		}
	}

	@Override
	public void deliveryComplete(IMqttDeliveryToken token) {
	}

	private void takePhoto(String cameraId) {
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

	private void sendStills() {
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
		if (!isConnected()) {
			return;
		}
		LatestFrame frame = camera.awaitLiveFrame(STILL_TIMEOUT);
		if (frame != null) {
			publish(this.discovery.imageTopic(camera.id()), frame.jpeg(), 0, true);
		}
	}

	/**
	 * Sends each camera's signal when it changed (ON while live, OFF on NO SIGNAL), and
	 * its motion (ON while an event is open) if it is watched for motion.
	 */
	private void sendSignals() {
		if (!isConnected()) {
			return;
		}
		for (Camera camera : this.cameras.all()) {
			if (this.motion.watches(camera.id())) {
				String moving = this.motion.inEvent(camera.id()) ? "ON" : "OFF";
				if (!moving.equals(this.sentMotion.get(camera.id()))
						&& publish(this.discovery.motionTopic(camera.id()), bytes(moving), 1, true)) {
					this.sentMotion.put(camera.id(), moving);
				}
			}
			String signal = signal(camera.state());
			if (signal != null && !signal.equals(this.sentSignals.get(camera.id()))) {
				if (publish(this.discovery.connectivityTopic(camera.id()), bytes(signal), 1, true)) {
					this.sentSignals.put(camera.id(), signal);
				}
			}
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

	private synchronized boolean isConnected() {
		return this.state == State.CONNECTED;
	}

	private boolean publish(String topic, byte[] payload, int qos, boolean retained) {
		try {
			this.client.publish(topic, payload, qos, retained);
			return true;
		}
		catch (MqttException ex) {
			log.debug("Could not publish to MQTT topic {}: {}", topic, ex.getMessage());
			return false;
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
