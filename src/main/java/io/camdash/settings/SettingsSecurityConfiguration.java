package io.camdash.settings;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraRegistry;
import io.camdash.security.CameraIds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the security pages (users, camera tokens) need from the rest of camdash. */
@Configuration(proxyBeanMethods = false)
class SettingsSecurityConfiguration {

	/** The cameras there are now, for the camera tokens page. */
	@Bean
	CameraIds cameraIds(CameraRegistry cameras) {
		return () -> cameras.all().stream().map(Camera::id).toList();
	}

}
