package io.camdash.settings;

import io.camdash.security.SecuritySettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The settings file, in the data folder. */
@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

	@Bean
	SettingsFile settingsFile(SecuritySettings security) {
		return new SettingsFile(security.dataFolder());
	}

}
