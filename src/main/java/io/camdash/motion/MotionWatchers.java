package io.camdash.motion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraRegistry;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One {@link MotionWatcher} per camera with motion on, started with camdash and stopped
 * (ending open events and their clips cleanly) when it shuts down.
 */
@Component
class MotionWatchers implements SmartLifecycle, MotionStates {

	private final Map<String, MotionWatcher> watchers = new ConcurrentHashMap<>();

	private final CameraRegistry cameras;

	private final MotionCamerasProperties settings;

	private final EventFiles files;

	private final MotionEvents events;

	private final MotionMetrics metrics;

	private volatile boolean running;

	MotionWatchers(CameraRegistry cameras, MotionCamerasProperties settings, EventFiles files, MotionEvents events,
			MotionMetrics metrics) {
		this.cameras = cameras;
		this.settings = settings;
		this.files = files;
		this.events = events;
		this.metrics = metrics;
		for (Camera camera : cameras.all()) {
			if (settings.of(camera.id()).enabled()) {
				metrics.events(camera.id());
				metrics.detectionTime(camera.id());
				metrics.clipFrames(camera.id(), MotionMetrics.COPIED);
				metrics.clipFrames(camera.id(), MotionMetrics.ENCODED);
			}
		}
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
		return this.settings.of(camera).enabled();
	}

	@Override
	public boolean inEvent(String camera) {
		return status(camera).eventId() != null;
	}

	@Override
	public void start() {
		// New watchers on each start: a stopped one never runs again.
		for (Camera camera : this.cameras.all()) {
			MotionSettings motion = this.settings.of(camera.id());
			if (motion.enabled()) {
				MotionWatcher watcher = new MotionWatcher(camera, motion, this.files, this.events, this.metrics);
				this.watchers.put(camera.id(), watcher);
				watcher.start();
			}
		}
		this.running = true;
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
