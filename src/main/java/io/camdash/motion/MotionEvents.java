package io.camdash.motion;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.camdash.storage.WriteProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What happens with each event: its picture, record and clip are saved (on one thread of
 * their own, in order, so the record of an event is written before its clip's), and open
 * pages and the webhook are told. The watchers call it and go on at once.
 */
@Component
class MotionEvents implements EventSink, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MotionEvents.class);

	static final int RECENT = 20;

	private final EventFiles files;

	private final MotionListeners listeners;

	private final WebhookNotifier webhook;

	private final ExecutorService disk = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "camdash-motion-files");
		thread.setDaemon(true);
		return thread;
	});

	private final ArrayDeque<MotionEvent> recent = new ArrayDeque<>();

	MotionEvents(EventFiles files, MotionListeners listeners, WebhookNotifier webhook) {
		this.files = files;
		this.listeners = listeners;
		this.webhook = webhook;
	}

	@Override
	public void started(MotionEvent event) {
		notify("start", event);
	}

	@Override
	public void ended(MotionEvent event, byte[] picture) {
		this.disk.execute(() -> {
			MotionEvent saved = event;
			try {
				if (picture.length > 0) {
					saved = saved.withPicture(this.files.savePicture(saved, picture));
				}
				this.files.saveRecord(saved);
			}
			catch (IOException ex) {
				log.warn("Could not save the motion picture of {}: {}", event.id(),
						WriteProblem.describe(ex, "the pictures folder"));
			}
			remember(saved);
			notify("end", saved);
		});
	}

	@Override
	public void clipDone(MotionEvent event, ClipRecorder.Result clip) {
		this.disk.execute(() -> {
			if (!clip.written()) {
				return;
			}
			MotionEvent saved = this.files.find(event.id())
				.orElse(event)
				.withClip(this.files.relative(clip.file()), Math.round(clip.seconds() * 10) / 10.0, clip.start());
			try {
				this.files.saveRecord(saved);
			}
			catch (IOException ex) {
				log.warn("Could not update the record of {}: {}", event.id(),
						WriteProblem.describe(ex, "the pictures folder"));
			}
			remember(saved);
			notify("clip", saved);
		});
	}

	private void notify(String type, MotionEvent event) {
		MotionNotice notice = MotionNotice.of(type, event);
		this.listeners.publish(notice);
		this.webhook.send(notice);
	}

	private synchronized void remember(MotionEvent event) {
		this.recent.removeIf((e) -> e.id().equals(event.id()));
		this.recent.addFirst(event);
		while (this.recent.size() > RECENT) {
			this.recent.removeLast();
		}
	}

	/** The last events that ended, newest first. */
	synchronized List<MotionEvent> recent() {
		return List.copyOf(this.recent);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.disk.shutdown();
		this.disk.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
	}

}
