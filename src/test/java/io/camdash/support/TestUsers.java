package io.camdash.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The users every test can sign in as, configured in
 * {@code src/test/resources/application.properties}: an ADMIN (may do everything) and a
 * VIEWER (may watch and read, change nothing).
 */
public final class TestUsers {

	public static final User ADMIN = new User("admin", "admin-test-password");

	public static final User VIEWER = new User("viewer", "viewer-test-password");

	private TestUsers() {
	}

	/**
	 * An {@code Authorization: Basic} header for
	 * {@link MjpegClient#open(int, String, Map)}.
	 */
	public static Map<String, String> basicAuth(User user) {
		return Map.of("Authorization", user.authorization());
	}

	/** A test user's name and password. */
	public record User(String name, String password) {

		/** The value of an {@code Authorization: Basic} header for this user. */
		public String authorization() {
			return "Basic " + Base64.getEncoder()
				.encodeToString((this.name + ":" + this.password).getBytes(StandardCharsets.UTF_8));
		}

	}

}
