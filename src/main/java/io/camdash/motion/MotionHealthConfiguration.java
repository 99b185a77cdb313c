package io.camdash.motion;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator health of motion detection (/actuator/health/motion): down when a camera with
 * motion on has had no frame examined for a while, judged by the frames' age, not by a
 * thread being alive.
 */
@Configuration(proxyBeanMethods = false)
class MotionHealthConfiguration {

	/** How old the last examined frame may be before motion detection counts as down. */
	static final Duration STALE = Duration.ofSeconds(15);

	@Bean
	HealthIndicator motionHealthIndicator(MotionWatchers watchers, MotionListeners listeners, WebhookNotifier webhook) {
		return () -> {
			Health.Builder health = Health.up();
			for (WatcherStatus status : watchers.statuses()) {
				if (!status.enabled()) {
					continue;
				}
				Instant examined = status.lastExamined();
				boolean stale = examined == null || examined.isBefore(Instant.now().minus(STALE));
				if (stale && watchers.isRunning()) {
					health.down();
				}
				health.withDetail(status.camera(), stale ? "no frame examined for over " + STALE.toSeconds() + " s"
						: (status.active() ? "motion" : "watching"));
			}
			return health.withDetail("listeners", listeners.count())
				.withDetail("webhookSent", webhook.sent())
				.withDetail("webhookFailed", webhook.failed())
				.build();
		};
	}

}
