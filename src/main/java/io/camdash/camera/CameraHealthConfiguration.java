package io.camdash.camera;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator health with one entry per camera (/actuator/health/cameras/{id}), judged by
 * frame age.
 */
@Configuration(proxyBeanMethods = false)
class CameraHealthConfiguration {

	@Bean
	CompositeHealthContributor camerasHealthContributor(CameraRegistry registry) {
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		registry.all().forEach((camera) -> indicators.put(camera.id(), () -> health(camera)));
		return CompositeHealthContributor.fromMap(indicators);
	}

	static Health health(Camera camera) {
		CameraStatus status = camera.status();
		Health.Builder health = switch (status.state()) {
			case LIVE -> (status.frameAgeMillis() != null
					&& status.frameAgeMillis() <= camera.settings().stallTimeout().toMillis()) ? Health.up()
							: Health.down().withDetail("reason", "no frame for " + status.frameAgeMillis() + " ms");
			case NO_SIGNAL -> Health.down().withDetail("reason", status.problem());
			case STARTING -> Health.unknown();
			case IDLE ->
				(status.problem() != null) ? Health.down().withDetail("reason", status.problem()) : Health.up();
		};
		// Any signed-in user sees details: the source as VIEWERs may see it.
		health.withDetail("state", status.state())
			.withDetail("source", camera.settings().source().describeForViewers());
		if (status.state() == CameraState.LIVE) {
			health.withDetail("fps", status.fps())
				.withDetail("resolution", status.width() + "x" + status.height())
				.withDetail("viewers", status.viewers());
		}
		if (status.frameAgeMillis() != null) {
			health.withDetail("frameAgeMillis", status.frameAgeMillis());
		}
		return health.build();
	}

}
