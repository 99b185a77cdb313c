package io.camdash.security;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Every user who may sign in, and the changes the users page makes to them. Users of the
 * configuration (the built-in administrator and {@code camdash.security.users[]}) are
 * read-only here, except the generated administrator password, whose hash lives in the
 * data folder. Users made in the browser are kept in the settings file's {@code users}
 * section with their passwords only as hashes, and checked at start by the same rules as
 * configured users. Each change counts up the user's version, which ends their sessions
 * elsewhere ({@link ChangedUserFilter}), and forgets their verified HTTP Basic passwords;
 * a new password also ends their remember-me cookies, which are signed over it.
 */
class UserAccounts {

	static final String SECTION = "users";

	/** bcrypt reads no more than this many bytes of a password. */
	static final int MAX_PASSWORD_BYTES = 72;

	private static final Set<String> FIELDS = Set.of("name", "password", "role");

	private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

	private final SettingsSections file;

	private final SecretFiles secrets;

	private final PasswordEncoder encoder;

	private final Validator validator;

	private final VerifiedPasswordCache verifiedPasswords;

	private final InMemoryUserDetailsManager details;

	/** By lower-case name (Spring's in-memory users ignore case), in display order. */
	private final Map<String, Account> accounts = new LinkedHashMap<>();

	UserAccounts(SecuritySettings settings, SettingsSections file, SecretFiles secrets, PasswordEncoder encoder,
			Validator validator, VerifiedPasswordCache verifiedPasswords) {
		this.file = file;
		this.secrets = secrets;
		this.encoder = encoder;
		this.validator = validator;
		this.verifiedPasswords = verifiedPasswords;
		this.details = new InMemoryUserDetailsManager();
		String adminPassword = AdminPassword.resolve(settings, secrets, encoder);
		put(new Account(settings.adminName(), Role.ADMIN,
				settings.hasAdminPassword() ? Origin.CONFIGURATION : Origin.GENERATED_ADMIN,
				settings.hasAdminPassword() ? settings.adminPassword() : adminPassword, 0), adminPassword);
		for (SecuritySettings.UserSettings user : settings.users()) {
			put(new Account(user.name(), user.role(), Origin.CONFIGURATION, user.password(), 0),
					AdminPassword.encoded(user.password(), encoder));
		}
		List<Map<String, Object>> stored = file.entries(SECTION);
		for (int i = 0; i < stored.size(); i++) {
			SecuritySettings.UserSettings user = storedUser(i, stored.get(i));
			if (this.accounts.containsKey(key(user.name()))) {
				throw new IllegalStateException("The settings file's users[" + i + "] is named '" + user.name()
						+ "' like a user of the configuration (camdash.security): remove one of them");
			}
			String hash = AdminPassword.encoded(user.password(), encoder);
			put(new Account(user.name(), user.role(), Origin.SETTINGS_FILE, hash, 0), hash);
		}
	}

	/** The users for Spring Security. */
	InMemoryUserDetailsManager details() {
		return this.details;
	}

	/** Every user, configuration first, then those made in the browser. */
	synchronized List<Account> list() {
		return List.copyOf(this.accounts.values());
	}

	synchronized Optional<Account> find(String name) {
		return Optional.ofNullable(this.accounts.get(key(name)));
	}

	/**
	 * The user's password as configured or stored (plain or hashed), which remember-me
	 * cookies are signed over; empty for an unknown user.
	 */
	synchronized String storedPassword(String name) {
		Account account = this.accounts.get(key(name));
		return (account != null) ? account.storedPassword() : "";
	}

	/** How often the user changed; -1 when there is no such user (any more). */
	synchronized long version(String name) {
		Account account = this.accounts.get(key(name));
		return (account != null) ? account.version() : -1;
	}

	/**
	 * Adds a user, kept in the settings file.
	 * @throws IllegalArgumentException with a sentence for the page
	 * @throws UncheckedIOException when the file cannot be written; nothing changed then
	 */
	synchronized void add(String actor, String name, String password, Role role) {
		check(new SecuritySettings.UserSettings(name, password, role), "");
		if (this.accounts.containsKey(key(name))) {
			throw new IllegalArgumentException("A user named \"" + name + "\" exists already.");
		}
		String hash = this.encoder.encode(password);
		Account account = new Account(name, role, Origin.SETTINGS_FILE, hash, 0);
		put(account, hash);
		try {
			save();
		}
		catch (UncheckedIOException ex) {
			this.accounts.remove(key(name));
			this.details.deleteUser(name);
			throw ex;
		}
		audit(actor, "added user '{}' with role {}", name, role);
	}

	/**
	 * Removes a user made in the browser; their sessions end at their next request.
	 */
	synchronized void remove(String actor, String name) {
		Account account = changeable(name, "removed");
		if (account.name().equalsIgnoreCase(actor)) {
			throw new IllegalArgumentException(
					"You cannot remove yourself: sign in as another ADMIN to remove " + account.name() + ".");
		}
		keepAnAdmin(account, "removed");
		this.accounts.remove(key(name));
		try {
			save();
		}
		catch (UncheckedIOException ex) {
			this.accounts.put(key(name), account);
			throw ex;
		}
		this.details.deleteUser(account.name());
		this.verifiedPasswords.forget(account.name());
		audit(actor, "removed user '{}'", account.name());
	}

	/** Gives a user made in the browser another role; their sessions end. */
	synchronized void setRole(String actor, String name, Role role) {
		Account account = changeable(name, "changed");
		if (account.role() == role) {
			return;
		}
		if (account.role() == Role.ADMIN) {
			if (account.name().equalsIgnoreCase(actor)) {
				throw new IllegalArgumentException(
						"You cannot take ADMIN from yourself: sign in as another ADMIN to do that.");
			}
			keepAnAdmin(account, "made a VIEWER");
		}
		replace(account, account.withRole(role), account.storedPassword());
		audit(actor, "set the role of user '{}' to {}", account.name(), role);
	}

	/**
	 * Sets a new password. For one's own, the current password must be given and right.
	 * Every other session of the user ends; the caller keeps its own.
	 */
	synchronized void changePassword(String actor, String name, @Nullable String currentPassword, String newPassword) {
		Account account = find(name)
			.orElseThrow(() -> new IllegalArgumentException("There is no user named \"" + name + "\"."));
		if (account.origin() == Origin.CONFIGURATION) {
			throw new IllegalArgumentException(account.name()
					+ " comes from the configuration (application.yaml): change the password there and restart.");
		}
		if (account.name().equalsIgnoreCase(actor) && (currentPassword == null || currentPassword.isEmpty()
				|| !this.encoder.matches(currentPassword, this.details.loadUserByUsername(name).getPassword()))) {
			throw new IllegalArgumentException("Your current password is not right: nothing was changed.");
		}
		check(new SecuritySettings.UserSettings(account.name(), newPassword, account.role()), "new ");
		String hash = this.encoder.encode(newPassword);
		if (account.origin() == Origin.GENERATED_ADMIN) {
			this.secrets.write(AdminPassword.HASH_FILE, hash);
			this.accounts.put(key(name), account.withPassword(hash));
			this.details.updateUser(user(account.withPassword(hash), hash));
		}
		else {
			replace(account, account.withPassword(hash), hash);
		}
		this.verifiedPasswords.forget(account.name());
		audit(actor, "changed the password of user '{}'", account.name());
	}

	private Account changeable(String name, String what) {
		Account account = find(name)
			.orElseThrow(() -> new IllegalArgumentException("There is no user named \"" + name + "\"."));
		if (account.origin() != Origin.SETTINGS_FILE) {
			throw new IllegalArgumentException(account.name()
					+ " comes from the configuration (application.yaml) and cannot be " + what + " here.");
		}
		return account;
	}

	private void keepAnAdmin(Account account, String what) {
		boolean another = this.accounts.values()
			.stream()
			.anyMatch((other) -> other != account && other.role() == Role.ADMIN);
		if (!another) {
			throw new IllegalArgumentException(
					account.name() + " is the last ADMIN and cannot be " + what + ": make another ADMIN first.");
		}
	}

	private void replace(Account old, Account changed, String encodedPassword) {
		this.accounts.put(key(old.name()), changed);
		try {
			save();
		}
		catch (UncheckedIOException ex) {
			this.accounts.put(key(old.name()), old);
			throw ex;
		}
		this.details.updateUser(user(changed, encodedPassword));
	}

	/** The start-up rules of camdash.security.users[], with sentences for the page. */
	private void check(SecuritySettings.UserSettings user, String passwordAdjective) {
		for (ConstraintViolation<SecuritySettings.UserSettings> violation : this.validator.validate(user)) {
			String field = violation.getPropertyPath().toString();
			String subject = switch (field) {
				case "name" -> "A user's name";
				case "password" -> "The " + passwordAdjective + "password";
				default -> "The " + field;
			};
			throw new IllegalArgumentException(subject + " " + violation.getMessage() + ".");
		}
		if (user.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new IllegalArgumentException(
					"The " + passwordAdjective + "password is too long: at most " + MAX_PASSWORD_BYTES + " bytes.");
		}
	}

	private SecuritySettings.UserSettings storedUser(int index, Map<String, Object> entry) {
		String where = "The settings file's users[" + index + "]";
		for (String field : entry.keySet()) {
			if (!FIELDS.contains(field)) {
				throw new IllegalStateException(where + " has '" + field + "', which is not one of " + FIELDS
						+ ": correct the file while camdash is stopped");
			}
		}
		Role role;
		try {
			role = Role.valueOf(String.valueOf(entry.getOrDefault("role", Role.VIEWER.name())));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(where + ".role must be ADMIN or VIEWER");
		}
		SecuritySettings.UserSettings user = new SecuritySettings.UserSettings(text(entry.get("name")),
				text(entry.get("password")), role);
		for (ConstraintViolation<SecuritySettings.UserSettings> violation : this.validator.validate(user)) {
			throw new IllegalStateException(where + "." + violation.getPropertyPath() + " " + violation.getMessage()
					+ ": correct the file while camdash is stopped");
		}
		return user;
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	private void save() {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (Account account : this.accounts.values()) {
			if (account.origin() == Origin.SETTINGS_FILE) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("name", account.name());
				entry.put("password", account.storedPassword());
				entry.put("role", account.role().name());
				entries.add(entry);
			}
		}
		this.file.replaceEntries(SECTION, entries);
	}

	private void put(Account account, String encodedPassword) {
		this.accounts.put(key(account.name()), account);
		this.details.createUser(user(account, encodedPassword));
	}

	private static UserDetails user(Account account, String encodedPassword) {
		return User.withUsername(account.name()).password(encodedPassword).roles(account.role().name()).build();
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private static void audit(String actor, String what, Object... arguments) {
		if (log.isInfoEnabled()) {
			Object[] safe = new Object[arguments.length + 1];
			safe[0] = LogSafe.text(actor);
			for (int i = 0; i < arguments.length; i++) {
				safe[i + 1] = (arguments[i] instanceof String text) ? LogSafe.text(text) : arguments[i];
			}
			log.info("Audit: {} " + what, safe);
		}
	}

	/** Where a user comes from, which says what the users page may change. */
	enum Origin {

		/** application.yaml or arguments: read-only in the browser. */
		CONFIGURATION,

		/**
		 * The built-in administrator with a generated password: only the password may be
		 * changed.
		 */
		GENERATED_ADMIN,

		/** Made in the browser, kept in the settings file: everything may be changed. */
		SETTINGS_FILE

	}

	/**
	 * A user.
	 *
	 * @param name sign-in name
	 * @param role ADMIN or VIEWER
	 * @param origin where the user comes from
	 * @param storedPassword the password as configured (plain or hashed) or stored
	 * (hashed)
	 * @param version counts the changes that end the user's sessions
	 */
	record Account(String name, Role role, Origin origin, String storedPassword, long version) {

		Account withRole(Role role) {
			return new Account(this.name, role, this.origin, this.storedPassword, this.version + 1);
		}

		Account withPassword(String hash) {
			return new Account(this.name, this.role, this.origin, hash, this.version + 1);
		}

		@Override
		public String toString() {
			return "Account[name=" + this.name + ", role=" + this.role + ", origin=" + this.origin + "]";
		}

	}

}
