package io.camdash.camera;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator health with one entry per camera (/actuator/health/cameras/{id}), judged by
 * frame age. The entries are read from the registry at each request, so cameras added or
 * removed while camdash runs come and go.
 */
@Configuration(proxyBeanMethods = false)
class CameraHealthConfiguration {

	@Bean
	CompositeHealthContributor camerasHealthContributor(CameraRegistry registry) {
		return new CompositeHealthContributor() {

			@Override
			public @Nullable HealthContributor getContributor(String name) {
				return registry.find(name).map(CameraHealthConfiguration::indicator).orElse(null);
			}

			@Override
			public Stream<Entry> stream() {
				return registry.all().stream().map((camera) -> new Entry(camera.id(), indicator(camera)));
			}

		};
	}

	private static HealthIndicator indicator(Camera camera) {
		return () -> health(camera);
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
