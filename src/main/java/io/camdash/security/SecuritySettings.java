package io.camdash.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use camdash and how, under {@code camdash.security}.
 *
 * @param dataFolder folder for the generated admin password's hash, the remember-me key,
 * the API tokens' hashes and the settings file (created with owner-only access)
 * @param adminName name of the built-in administrator
 * @param adminPassword password of the built-in administrator, plain or already hashed
 * ({bcrypt}...); when empty, camdash generates one on first start, prints it once and
 * keeps only its hash in the data folder
 * @param users more users, each with a name, a password (plain or hashed) and a role
 * (ADMIN or VIEWER)
 * @param anonymousViewing let people who are not signed in do what a VIEWER can (for a
 * trusted LAN); every change still needs a signed-in ADMIN
 * @param rememberMe how long "remember me" keeps a browser signed in
 * @param cameraTokens access tokens for tools (VLC, ffmpeg, Home Assistant), by camera
 * id: each opens that camera's stream and still only; remove one to revoke it
 * @param loginThrottle how repeated failed sign-ins are slowed down
 * @param maxAnonymousBody largest request body accepted from someone not signed in (the
 * sign-in form needs well under 1KB); larger ones get 413 before anything reads them
 * @param basicCache how long a verified HTTP Basic name and password is remembered, so a
 * tool polling every few seconds does not cost a password hash per request; 0 turns it
 * off
 * @param frameAncestors origins allowed to show camdash's pages in a frame (a Home
 * Assistant dashboard, such as https://ha.example.org:8123); empty: none may
 */
@ConfigurationProperties("camdash.security")
@Validated
public record SecuritySettings(@DefaultValue(SecuritySettings.DEFAULT_DATA_FOLDER) @NotNull Path dataFolder,
		@DefaultValue("admin") @NotNull @Pattern(regexp = UserSettings.NAME_PATTERN,
				message = UserSettings.NAME_MESSAGE) String adminName,
		String adminPassword, List<@Valid UserSettings> users, @DefaultValue("false") boolean anonymousViewing,
		@DefaultValue("14d") @NotNull @DurationMin(minutes = 1) Duration rememberMe,
		Map<String, @NotBlank @Size(min = 16, message = "must be at least 16 characters") String> cameraTokens,
		@DefaultValue @NotNull @Valid LoginThrottle loginThrottle,
		@DefaultValue("16KB") @NotNull DataSize maxAnonymousBody, @DefaultValue("1m") @NotNull Duration basicCache,
		List<@NotNull @Pattern(regexp = FRAME_ANCESTOR_PATTERN,
				message = FRAME_ANCESTOR_MESSAGE) String> frameAncestors) {

	/**
	 * The data folder's default, also for readers of the folder before the beans exist.
	 */
	public static final String DEFAULT_DATA_FOLDER = "./.camdash";

	static final String FRAME_ANCESTOR_PATTERN = "'self'|https?://[A-Za-z0-9.\\[\\]:*-]+";

	static final String FRAME_ANCESTOR_MESSAGE = "must be an origin such as https://ha.example.org:8123, or 'self'";

	public SecuritySettings {
		users = (users != null) ? List.copyOf(users) : List.of();
		cameraTokens = (cameraTokens != null) ? Map.copyOf(cameraTokens) : Map.of();
		frameAncestors = (frameAncestors != null) ? List.copyOf(frameAncestors) : List.of();
		if (basicCache.isNegative()) {
			throw new IllegalArgumentException("camdash.security.basic-cache: must not be negative");
		}
		for (int i = 0; i < users.size(); i++) {
			String name = users.get(i).name();
			if (name != null && name.equals(adminName)) {
				throw new IllegalArgumentException("camdash.security.users[" + i + "].name: '" + name
						+ "' is the built-in administrator; set camdash.security.admin-password instead");
			}
			for (int j = 0; j < i; j++) {
				if (name != null && name.equals(users.get(j).name())) {
					throw new IllegalArgumentException(
							"camdash.security.users[" + i + "].name: duplicate user name '" + name + "'");
				}
			}
		}
	}

	/** Whether an administrator password is configured (rather than generated). */
	boolean hasAdminPassword() {
		return this.adminPassword != null && !this.adminPassword.isBlank();
	}

	@Override
	public String toString() {
		// Never print passwords or tokens.
		return "SecuritySettings[dataFolder=" + this.dataFolder + ", adminName=" + this.adminName + ", users="
				+ this.users + ", anonymousViewing=" + this.anonymousViewing + ", cameraTokens="
				+ this.cameraTokens.keySet() + "]";
	}

	/**
	 * A user, under {@code camdash.security.users[]}.
	 *
	 * @param name sign-in name: letters, digits, '.', '_', '@' or '-'
	 * @param password plain, or hashed with its encoder's prefix such as {bcrypt}
	 * @param role ADMIN or VIEWER
	 */
	public record UserSettings(@NotNull @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String name,
			@NotBlank String password, @DefaultValue("VIEWER") @NotNull Role role) {

		static final String NAME_PATTERN = "[A-Za-z0-9._@-]{1,64}";

		static final String NAME_MESSAGE = "must be 1-64 letters, digits, '.', '_', '@' or '-'";

		@Override
		public String toString() {
			// Never print a password, even hashed.
			return "UserSettings[name=" + this.name + ", role=" + this.role + "]";
		}

	}

	/**
	 * Sign-in throttling, under {@code camdash.security.login-throttle}. A browser that
	 * signed in as a user before is held only by its own failures and its address's lock.
	 *
	 * @param maxFailuresPerUser failed sign-ins for one user name from one address before
	 * that name is locked there; past as many from all addresses together, each further
	 * try for the name waits twice as long as the last (1s, 2s, 4s ... up to the lock
	 * duration)
	 * @param maxFailuresPerAddress failed sign-ins from one client address before it is
	 * locked for a while
	 * @param maxFailuresPerMinute failed sign-ins over all names and addresses within a
	 * minute before sign-ins from unknown browsers wait for the minute to end
	 * @param lockDuration how long a lock lasts after the last failure; failures older
	 * than this are forgotten
	 */
	public record LoginThrottle(@DefaultValue("5") @Min(1) @Max(1000) int maxFailuresPerUser,
			@DefaultValue("20") @Min(1) @Max(10000) int maxFailuresPerAddress,
			@DefaultValue("60") @Min(1) @Max(100000) int maxFailuresPerMinute,
			@DefaultValue("5m") @NotNull @DurationMin(seconds = 1) Duration lockDuration) {
	}

}
