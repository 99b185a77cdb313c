package io.camdash.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camdash.CamdashApplication;
import io.camdash.settings.SettingsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Users and camera tokens in the settings file are checked at start by the rules of the
 * configuration's users: a file edited by hand into something camdash would not write
 * stops start-up with a sentence naming the entry.
 */
class StoredUsersStartupTests {

	@TempDir
	Path data;

	private String startFailure() {
		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(CamdashApplication.class)
			.run("--server.port=0", "--server.address=127.0.0.1", "--camdash.security.data-folder=" + this.data)
			.close());
		assertThat(failure).isNotNull();
		return NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
	}

	@Test
	void aUserNameAgainstTheConfigurationsRulesStopsStartUp() throws Exception {
		Files.writeString(this.data.resolve("settings.yaml"), """
				users:
				  - name: "a\\nadmin-password: x"
				    password: secret-password
				""");
		assertThat(startFailure())
			.isEqualTo("The settings file's users[0].name must be 1-64 letters, digits, '.', '_', '@' or '-': "
					+ "correct the file while camdash is stopped");
	}

	@Test
	void aFieldAUserDoesNotHaveStopsStartUp() throws Exception {
		Files.writeString(this.data.resolve("settings.yaml"), """
				users:
				  - name: family
				    password: secret-password
				    admin-password: x
				""");
		assertThat(startFailure()).startsWith("The settings file's users[0] has 'admin-password', which is not one of");
	}

	@Test
	void aUserNamedLikeAConfiguredUserStopsStartUp() throws Exception {
		Files.writeString(this.data.resolve("settings.yaml"), """
				users:
				  - name: Viewer
				    password: secret-password
				""");
		assertThat(startFailure()).contains("users[0] is named 'Viewer' like a user of the configuration");
	}

	@Test
	void eachPageReplacesOnlyItsOwnSectionOfTheFile() {
		SettingsFile file = new SettingsFile(this.data);
		file.write(Map.of("cameras", List.of(Map.of("id", "yard"))));
		file.replaceEntries("users", List.of(Map.of("name", "family", "password", "{bcrypt}x", "role", "VIEWER")));
		file.replaceEntries("camera-tokens", List.of(Map.of("id", "0123456789ab", "camera", "yard")));
		file.replaceEntries("camera-tokens", List.of());
		assertThat(file.entries("cameras")).containsExactly(Map.of("id", "yard"));
		assertThat(file.entries("users"))
			.containsExactly(Map.of("name", "family", "password", "{bcrypt}x", "role", "VIEWER"));
		assertThat(file.entries("camera-tokens")).isEmpty();
	}

}
