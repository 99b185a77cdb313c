package io.camdash.motion;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * POSTs each notice as JSON to the configured webhook, from a thread of its own with a
 * bounded queue: a receiver that hangs or fails delays only the next notices, never
 * capture or detection. Each attempt has a timeout; failures (no answer, 5xx) are retried
 * a few times with growing pauses; a 4xx is not retried, since asking again will not
 * help. The URL is logged without its query or user info, which may hold a secret.
 */
@Component
class WebhookNotifier implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

	private final MotionProperties.Webhook settings;

	private final JsonMapper json;

	private final @Nullable HttpClient client;

	private final LinkedBlockingDeque<MotionNotice> queue;

	private final @Nullable Thread sender;

	private volatile long sent;

	private volatile long failed;

	WebhookNotifier(MotionProperties properties, JsonMapper json) {
		this.settings = properties.webhook();
		this.json = json;
		this.queue = new LinkedBlockingDeque<>(this.settings.queue());
		if (this.settings.url() == null) {
			this.client = null;
			this.sender = null;
			return;
		}
		this.client = HttpClient.newBuilder()
			.connectTimeout(this.settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.sender = new Thread(this::sendLoop, "camdash-webhook");
		this.sender.setDaemon(true);
		this.sender.start();
		log.info("Motion webhook: {}", shown(this.settings.url()));
	}

	/**
	 * Queues a notice; returns at once. The oldest waiting one goes if the queue is full.
	 */
	void send(MotionNotice notice) {
		if (this.client == null) {
			return;
		}
		while (!this.queue.offerLast(notice)) {
			MotionNotice dropped = this.queue.pollFirst();
			if (dropped != null) {
				log.warn("Webhook queue full: dropped the {} notice of {}", dropped.type(), dropped.id());
			}
		}
	}

	long sent() {
		return this.sent;
	}

	long failed() {
		return this.failed;
	}

	private void sendLoop() {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				deliver(this.queue.takeFirst());
			}
		}
		catch (InterruptedException ex) {
			// Stopping.
		}
	}

	private void deliver(MotionNotice notice) throws InterruptedException {
		URI url = this.settings.url();
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "camdash")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(notice)))
			.build();
		long pause = 1000;
		for (int attempt = 0; attempt <= this.settings.retries(); attempt++) {
			String problem;
			try {
				HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
				int status = response.statusCode();
				if (status < 300) {
					this.sent++;
					return;
				}
				problem = "answered " + status;
				if (status < 500) {
					break;
				}
			}
			catch (java.io.IOException ex) {
				problem = (ex instanceof java.net.http.HttpTimeoutException)
						? "no answer within " + this.settings.timeout() : ex.getClass().getSimpleName();
			}
			log.debug("Webhook {} attempt {} for {}: {}", shown(url), attempt + 1, notice.id(), problem);
			if (attempt == this.settings.retries()) {
				log.warn("Webhook {} failed for the {} notice of {}: {}", shown(url), notice.type(), notice.id(),
						problem);
				this.failed++;
				return;
			}
			TimeUnit.MILLISECONDS.sleep(pause);
			pause = Math.min(pause * 2, 30_000);
		}
		log.warn("Webhook {} refused the {} notice of {}", shown(url), notice.type(), notice.id());
		this.failed++;
	}

	/** Scheme, host, port and path only: a query or user info may hold a token. */
	static String shown(@Nullable URI url) {
		if (url == null) {
			return "(none)";
		}
		return url.getScheme() + "://" + url.getHost() + ((url.getPort() >= 0) ? ":" + url.getPort() : "")
				+ ((url.getPath() != null) ? url.getPath() : "");
	}

	@Override
	public void destroy() {
		if (this.sender != null) {
			this.sender.interrupt();
		}
	}

}
