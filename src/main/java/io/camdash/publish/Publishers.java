package io.camdash.publish;

import java.util.ArrayList;
import java.util.List;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraChangeListener;
import io.camdash.camera.CameraRegistry;
import io.camdash.live.Mp4Feeds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts a {@link Publisher} for every target in {@code camdash.cameras[].publish} once
 * camdash runs, and stops them when it stops. A camera with a target captures all the
 * time. A camera removed while camdash runs stops publishing; targets of cameras added or
 * changed while it runs take effect at the next start.
 */
@Component
@EnableConfigurationProperties(PublishCamerasProperties.class)
class Publishers implements SmartLifecycle, CameraChangeListener {

	private final List<Publisher> publishers = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	Publishers(PublishCamerasProperties properties, CameraRegistry cameras, Mp4Feeds feeds, MeterRegistry meters) {
		for (PublishCamerasProperties.CameraTargets camera : properties.targets()) {
			Camera found = cameras.find(camera.cameraId())
				.orElseThrow(() -> new IllegalArgumentException(
						"camdash.cameras[].publish is set for '" + camera.cameraId() + "', which is no camera"));
			for (PublishTarget target : camera.targets()) {
				Counter reconnects = Counter.builder("camdash.camera.publish.retries")
					.description("Times publishing to a media server stopped and was retried")
					.tag("camera", camera.cameraId())
					.tag("target", target.shown())
					.register(meters);
				this.publishers.add(new Publisher(camera.cameraId(), target, feeds, found.publishing(), reconnects));
			}
		}
		cameras.addListener(this);
	}

	@Override
	public synchronized void cameraRemoved(Camera camera) {
		for (int i = 0; i < this.publishers.size(); i++) {
			if (this.publishers.get(i).cameraId().equals(camera.id())) {
				this.publishers.get(i).stop();
				if (i < this.threads.size()) {
					this.threads.get(i).interrupt();
				}
			}
		}
	}

	@Override
	public synchronized void start() {
		for (int i = 0; i < this.publishers.size(); i++) {
			Thread thread = new Thread(this.publishers.get(i), "camdash-publish-" + i);
			thread.setDaemon(true);
			thread.start();
			this.threads.add(thread);
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.publishers.forEach(Publisher::stop);
		this.threads.forEach(Thread::interrupt);
		for (Thread thread : this.threads) {
			try {
				thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.threads.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
