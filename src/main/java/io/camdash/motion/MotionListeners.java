package io.camdash.motion;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open pages told of motion through server-sent events (a toast, a badge that lights up).
 * At most {@code camdash.motion.max-listeners} at once, so no client can hold them all;
 * notices go out from one thread of their own, so a page on a slow link never delays
 * detection. A stream ends after a while and the browser reconnects by itself.
 */
@Component
class MotionListeners implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MotionListeners.class);

	/** How long one stream lasts before the browser opens the next. */
	static final Duration STREAM_LIFETIME = Duration.ofMinutes(10);

	private final int max;

	private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();

	private final ThreadPoolExecutor sender;

	private volatile boolean running;

	MotionListeners(MotionProperties properties) {
		this.max = properties.maxListeners();
		this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000), (task) -> {
			Thread thread = new Thread(task, "camdash-motion-pages");
			thread.setDaemon(true);
			return thread;
		}, new ThreadPoolExecutor.DiscardOldestPolicy());
	}

	/** A new page listening; 503 when there are already as many as allowed. */
	SseEmitter open() {
		if (this.emitters.size() >= this.max) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"Too many pages are listening for motion; try again later");
		}
		SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
		this.emitters.add(emitter);
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> this.emitters.remove(emitter));
		emitter.onError((ex) -> this.emitters.remove(emitter));
		// A first comment, so the browser sees the stream open at once.
		this.sender.execute(() -> send(emitter, SseEmitter.event().comment("motion")));
		return emitter;
	}

	/** Tells every open page; returns at once. */
	void publish(MotionNotice notice) {
		this.sender.execute(() -> {
			for (SseEmitter emitter : this.emitters) {
				send(emitter, SseEmitter.event().name("motion-" + notice.type()).id(notice.id()).data(notice));
			}
		});
	}

	int count() {
		return this.emitters.size();
	}

	private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// The page went away.
			log.debug("Motion listener gone: {}", ex.toString());
			this.emitters.remove(emitter);
			emitter.completeWithError(ex);
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every stream before the web server's graceful shutdown, which would otherwise
	 * wait for streams that never end by themselves.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.emitters.forEach(SseEmitter::complete);
		this.emitters.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	@Override
	public void destroy() {
		this.emitters.forEach(SseEmitter::complete);
		this.sender.shutdownNow();
	}

}
