package io.camdash.camera;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camdash.camera.source.FrameSourceFactory;
import io.camdash.security.FirstCamera;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The configured cameras, in display order, and the watchdog that supervises them. The
 * cameras close first when camdash shuts down, before the web server's graceful shutdown:
 * that ends their streams, which would otherwise hold the shutdown for its whole timeout
 * since a stream never ends by itself.
 * <p>
 * The list changes while camdash runs through {@link #apply}: a new camera is added, a
 * changed one restarts alone with its new settings (the same {@link Camera}, so its
 * viewers stay), a removed one ends its streams and loses its meters; each
 * {@link CameraChangeListener} is told. Readers see the list through one volatile
 * reference to an unmodifiable map, replaced whole, so they never need a lock.
 */
@Component
public class CameraRegistry implements SmartLifecycle, DisposableBean, FirstCamera {

	private static final Logger log = LoggerFactory.getLogger(CameraRegistry.class);

	static final long WATCHDOG_PERIOD_MILLIS = 200;

	private volatile Map<String, Camera> cameras;

	private final List<CameraChangeListener> listeners = new CopyOnWriteArrayList<>();

	private final StreamingProperties streaming;

	private final FrameSourceFactory sources;

	private final MeterRegistry meterRegistry;

	private final ScheduledExecutorService watchdog;

	private volatile boolean running;

	/**
	 * Public for tests of other features that run real cameras without Spring (motion).
	 */
	public CameraRegistry(CamerasProperties properties, StreamingProperties streaming, FrameSourceFactory sources,
			MeterRegistry meterRegistry) {
		this.streaming = streaming;
		this.sources = sources;
		this.meterRegistry = meterRegistry;
		Map<String, Camera> cameras = new LinkedHashMap<>();
		for (CameraSettings settings : properties.cameras()) {
			cameras.put(settings.id(), new Camera(settings, streaming.reduced(), sources, meterRegistry));
		}
		this.cameras = Collections.unmodifiableMap(cameras);
		this.watchdog = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "camdash-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		this.watchdog.scheduleWithFixedDelay(this::supervise, WATCHDOG_PERIOD_MILLIS, WATCHDOG_PERIOD_MILLIS,
				TimeUnit.MILLISECONDS);
		log.info("Cameras: {}",
				this.cameras.values()
					.stream()
					.map((camera) -> camera.id() + " (" + camera.settings().source().describe() + ")")
					.toList());
	}

	/**
	 * Loads OpenCV (and FFmpeg if a camera uses it) once camdash answers: seconds of CPU
	 * that would otherwise delay the start. A camera wanted sooner waits for them.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void loadNativeLibraries() {
		NativeLibraries.loadInBackground(
				this.cameras.values().stream().anyMatch((camera) -> camera.settings().source().usesFfmpeg()));
	}

	private void supervise() {
		for (Camera camera : this.cameras.values()) {
			try {
				camera.supervise();
			}
			catch (RuntimeException ex) {
				log.error("Watchdog failed on camera '{}'", camera.id(), ex);
			}
		}
	}

	/** Tells this listener of every later change to the list of cameras. */
	public void addListener(CameraChangeListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Makes the cameras these, in this order: adds the new ones, restarts those whose
	 * settings changed (only those) and removes the others, telling the listeners of
	 * each. The settings must be valid (bound and validated like the configuration's).
	 * @param wanted every camera, in display order
	 * @param settings binds the same list as {@code camdash.cameras[]}, for the sections
	 * other packages own
	 */
	public synchronized void apply(List<CameraSettings> wanted, Binder settings) throws InterruptedException {
		Map<String, Camera> before = this.cameras;
		Map<String, Camera> next = new LinkedHashMap<>();
		List<Camera> added = new ArrayList<>();
		Map<Camera, CameraSettings> changed = new LinkedHashMap<>();
		for (CameraSettings camera : wanted) {
			Camera existing = before.get(camera.id());
			if (existing == null) {
				if (camera.source().usesFfmpeg()) {
					NativeLibraries.load(true);
				}
				existing = new Camera(camera, this.streaming.reduced(), this.sources, this.meterRegistry);
				added.add(existing);
			}
			else if (!existing.settings().equals(camera)) {
				changed.put(existing, camera);
			}
			next.put(camera.id(), existing);
		}
		List<Camera> removed = before.values().stream().filter((camera) -> !next.containsKey(camera.id())).toList();
		this.cameras = Collections.unmodifiableMap(next);
		for (Camera camera : removed) {
			camera.remove();
			this.listeners.forEach((listener) -> listener.cameraRemoved(camera));
			removeMeters(camera.id());
			log.info("Camera '{}' removed", camera.id());
		}
		for (Map.Entry<Camera, CameraSettings> change : changed.entrySet()) {
			change.getKey().reconfigure(change.getValue());
			this.listeners.forEach((listener) -> listener.cameraChanged(change.getKey(), settings));
			log.info("Camera '{}' changed ({})", change.getKey().id(), change.getValue().source().describe());
		}
		for (Camera camera : added) {
			this.listeners.forEach((listener) -> listener.cameraAdded(camera, settings));
			log.info("Camera '{}' added ({})", camera.id(), camera.settings().source().describe());
		}
	}

	/**
	 * A camera added again later registers its meters anew: Micrometer would otherwise
	 * hand back the old gauges, still reading the removed camera.
	 */
	private void removeMeters(String cameraId) {
		List<Meter> meters = this.meterRegistry.getMeters()
			.stream()
			.filter((meter) -> cameraId.equals(meter.getId().getTag("camera")))
			.toList();
		meters.forEach(this.meterRegistry::remove);
	}

	public List<Camera> all() {
		return List.copyOf(this.cameras.values());
	}

	public Optional<Camera> find(String id) {
		return Optional.ofNullable(this.cameras.get(id));
	}

	/** The camera with this id, or an {@link UnknownCameraException} (404). */
	public Camera require(String id) {
		return find(id).orElseThrow(() -> new UnknownCameraException(id));
	}

	public Camera first() {
		return this.cameras.values().iterator().next();
	}

	@Override
	public String firstCameraId() {
		return first().id();
	}

	/** Cameras start on demand; this only lets them serve again after {@link #stop()}. */
	@Override
	public void start() {
		for (Camera camera : this.cameras.values()) {
			camera.reopen();
		}
		this.running = true;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Ends every stream and stops the cameras (also when a test pauses the application
	 * context).
	 */
	@Override
	public void stop() {
		this.running = false;
		closeCameras();
	}

	@Override
	public void destroy() {
		this.watchdog.shutdownNow();
		closeCameras();
	}

	private void closeCameras() {
		try {
			for (Camera camera : this.cameras.values()) {
				camera.close();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops before the web server's graceful shutdown, which has a lower phase. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
