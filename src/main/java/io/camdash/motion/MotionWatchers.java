package io.camdash.motion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraChangeListener;
import io.camdash.camera.CameraRegistry;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One {@link MotionWatcher} per camera with motion on, started with camdash and stopped
 * (ending open events and their clips cleanly) when it shuts down. A camera added,
 * changed or removed while camdash runs gets its watcher started, restarted with its new
 * motion section, or stopped.
 */
@Component
class MotionWatchers implements SmartLifecycle, MotionStates, CameraChangeListener {

	private final Map<String, MotionWatcher> watchers = new ConcurrentHashMap<>();

	private final CameraRegistry cameras;

	/**
	 * Each camera's motion section, by camera id; a camera without one has motion off.
	 */
	private final Map<String, MotionSettings> settings = new ConcurrentHashMap<>();

	private final EventFiles files;

	private final MotionEvents events;

	private final MotionMetrics metrics;

	private volatile boolean running;

	MotionWatchers(CameraRegistry cameras, MotionCamerasProperties settings, EventFiles files, MotionEvents events,
			MotionMetrics metrics) {
		this.cameras = cameras;
		this.files = files;
		this.events = events;
		this.metrics = metrics;
		for (Camera camera : cameras.all()) {
			MotionSettings motion = settings.of(camera.id());
			this.settings.put(camera.id(), motion);
			if (motion.enabled()) {
				registerMeters(camera.id());
			}
		}
		cameras.addListener(this);
	}

	private void registerMeters(String camera) {
		this.metrics.events(camera);
		this.metrics.detectionTime(camera);
		this.metrics.clipFrames(camera, MotionMetrics.COPIED);
		this.metrics.clipFrames(camera, MotionMetrics.ENCODED);
	}

	/**
	 * Every camera's motion status, in display order (off for cameras without motion).
	 */
	List<WatcherStatus> statuses() {
		return this.cameras.all().stream().map((camera) -> status(camera.id())).toList();
	}

	WatcherStatus status(String camera) {
		MotionWatcher watcher = this.watchers.get(camera);
		return (watcher != null) ? watcher.status() : WatcherStatus.off(camera);
	}

	@Override
	public boolean watches(String camera) {
		return this.settings.getOrDefault(camera, MotionSettings.off()).enabled();
	}

	@Override
	public boolean inEvent(String camera) {
		return status(camera).eventId() != null;
	}

	@Override
	public void start() {
		// New watchers on each start: a stopped one never runs again.
		for (Camera camera : this.cameras.all()) {
			startWatcher(camera);
		}
		this.running = true;
	}

	private synchronized void startWatcher(Camera camera) {
		MotionSettings motion = this.settings.getOrDefault(camera.id(), MotionSettings.off());
		if (motion.enabled()) {
			MotionWatcher watcher = new MotionWatcher(camera, motion, this.files, this.events, this.metrics);
			this.watchers.put(camera.id(), watcher);
			watcher.start();
		}
	}

	private synchronized void stopWatcher(String camera) {
		MotionWatcher watcher = this.watchers.remove(camera);
		if (watcher != null) {
			try {
				watcher.stop();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void cameraAdded(Camera camera, Binder settings) {
		follow(camera, settings);
	}

	@Override
	public void cameraChanged(Camera camera, Binder settings) {
		follow(camera, settings);
	}

	/** The camera's watcher starts again with its motion section as it is now. */
	private void follow(Camera camera, Binder settings) {
		MotionSettings motion = settings.bind("camdash", MotionCamerasProperties.class)
			.map((all) -> all.of(camera.id()))
			.orElse(MotionSettings.off());
		stopWatcher(camera.id());
		this.settings.put(camera.id(), motion);
		if (motion.enabled()) {
			registerMeters(camera.id());
		}
		if (this.running) {
			startWatcher(camera);
		}
	}

	@Override
	public void cameraRemoved(Camera camera) {
		stopWatcher(camera.id());
		this.settings.remove(camera.id());
	}

	@Override
	public void stop() {
		this.running = false;
		try {
			for (MotionWatcher watcher : this.watchers.values()) {
				watcher.stop();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * The cameras' phase: depending on them, the watchers stop first, so open events end
	 * with their last frames rather than as a lost camera.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
