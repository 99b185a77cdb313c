package io.camdash.security;

import java.security.SecureRandom;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The built-in administrator's password hash: the configured password when there is one,
 * otherwise one generated on first start, printed once and kept only as a hash in the
 * data folder.
 */
final class AdminPassword {

	static final String HASH_FILE = "admin-password";

	private static final Logger log = LoggerFactory.getLogger(AdminPassword.class);

	// No 0/O, 1/l/I: the password is read off a log and typed by hand.
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final int LENGTH = 24;

	private static final SecureRandom random = new SecureRandom();

	/**
	 * Ids of the delegating password encoder: a configured value with one of these as
	 * prefix is already hashed.
	 */
	private static final Set<String> ENCODER_IDS = Set.of("bcrypt", "argon2", "argon2@SpringSecurity_v5_8", "pbkdf2",
			"pbkdf2@SpringSecurity_v5_8", "scrypt", "scrypt@SpringSecurity_v5_8", "sha256", "SHA-256", "SHA-1", "MD5",
			"MD4", "ldap", "noop");

	private static final Pattern PREFIX = Pattern.compile("^\\{([^{}]+)\\}.+");

	private AdminPassword() {
	}

	/** The administrator's encoded password. */
	static String resolve(SecuritySettings settings, SecretFiles files, PasswordEncoder encoder) {
		if (settings.hasAdminPassword()) {
			return encoded(settings.adminPassword(), encoder);
		}
		return files.read(HASH_FILE).orElseGet(() -> generate(settings.adminName(), files, encoder));
	}

	private static String generate(String adminName, SecretFiles files, PasswordEncoder encoder) {
		StringBuilder password = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		String hash = encoder.encode(password);
		files.write(HASH_FILE, hash);
		log.warn("""

				================================================================================
				camdash generated a password for its administrator.
				  user:     {}
				  password: {}
				This is shown only once; camdash keeps only its hash, in {}.
				To choose your own, set camdash.security.admin-password (plain or {bcrypt}-hashed)
				in application.yaml; or delete that file and restart to get a new one.
				================================================================================""", adminName,
				password, files.path(HASH_FILE));
		return hash;
	}

	/**
	 * A configured password as stored: already-hashed values ({bcrypt}...) as they are,
	 * plain ones hashed now.
	 */
	static String encoded(String configured, PasswordEncoder encoder) {
		Matcher prefix = PREFIX.matcher(configured);
		if (prefix.matches() && ENCODER_IDS.contains(prefix.group(1))) {
			return configured;
		}
		return encoder.encode(configured);
	}

}
