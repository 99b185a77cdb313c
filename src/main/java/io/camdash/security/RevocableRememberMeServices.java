package io.camdash.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;

/**
 * "Remember me" cookies that sign-out revokes on the server, and that a password change
 * ends. Spring's signed cookie is kept, with two changes: it is signed over a fingerprint
 * of the password as configured (plain or hashed) rather than over the in-memory hash, so
 * it survives a restart even for plain-text passwords (whose hash differs at each start);
 * and signing out records the cookie as revoked in the data folder until it would have
 * expired, so a copy taken before no longer signs in, even after a restart.
 */
class RevocableRememberMeServices extends TokenBasedRememberMeServices {

	static final String REVOKED_FILE = "remember-me-revoked";

	/** Past this many revoked cookies still valid, the oldest are forgotten. */
	private static final int MAX_REVOKED = 10_000;

	private final Function<String, String> passwordFingerprints;

	private final SecretFiles files;

	private final Clock clock;

	/** Digest of each revoked cookie, with when it expires anyway. */
	private final Map<String, Long> revoked;

	RevocableRememberMeServices(String key, UserDetailsService users, Map<String, String> configuredPasswords,
			SecretFiles files, Clock clock) {
		this(key, users, (user) -> configuredPasswords.getOrDefault(user, ""), files, clock);
	}

	/**
	 * @param configuredPasswords each user's password as configured or stored (plain or
	 * hashed; empty for an unknown user), read at each use: a changed password ends the
	 * cookies signed over the old one
	 */
	RevocableRememberMeServices(String key, UserDetailsService users, Function<String, String> configuredPasswords,
			SecretFiles files, Clock clock) {
		super(key, users, RememberMeTokenAlgorithm.SHA256);
		this.passwordFingerprints = (user) -> {
			String password = configuredPasswords.apply(user);
			return password.isEmpty() ? "" : hmac(key, password);
		};
		this.files = files;
		this.clock = clock;
		this.revoked = readRevoked(files);
		setCookieCustomizer((cookie) -> cookie.setAttribute("SameSite", "Lax"));
	}

	@Override
	protected String makeTokenSignature(long tokenExpiryTime, String username, @Nullable String password,
			RememberMeTokenAlgorithm algorithm) {
		return super.makeTokenSignature(tokenExpiryTime, username, this.passwordFingerprints.apply(username),
				algorithm);
	}

	@Override
	protected UserDetails processAutoLoginCookie(String[] cookieTokens, HttpServletRequest request,
			HttpServletResponse response) {
		String cookie = extractRememberMeCookie(request);
		if (cookie != null && isRevoked(cookie)) {
			throw new InvalidCookieException("This remember-me cookie was signed out");
		}
		return super.processAutoLoginCookie(cookieTokens, request, response);
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		String cookie = extractRememberMeCookie(request);
		if (cookie != null && !cookie.isEmpty()) {
			revoke(cookie);
		}
		super.logout(request, response, authentication);
	}

	private synchronized boolean isRevoked(String cookie) {
		return this.revoked.containsKey(hmac(getKey(), cookie));
	}

	private synchronized void revoke(String cookie) {
		long now = this.clock.millis();
		long expires;
		try {
			String[] tokens = decodeCookie(cookie);
			expires = Long.parseLong(tokens[1]);
		}
		catch (RuntimeException ex) {
			// Not a cookie we made: nothing to revoke.
			return;
		}
		if (expires <= now) {
			return;
		}
		this.revoked.values().removeIf((expiry) -> expiry <= now);
		while (this.revoked.size() >= MAX_REVOKED) {
			this.revoked.remove(this.revoked.keySet().iterator().next());
		}
		this.revoked.put(hmac(getKey(), cookie), expires);
		this.files.write(REVOKED_FILE,
				this.revoked.entrySet()
					.stream()
					.map((e) -> e.getValue() + " " + e.getKey())
					.collect(Collectors.joining("\n")));
	}

	private Map<String, Long> readRevoked(SecretFiles files) {
		Map<String, Long> entries = new LinkedHashMap<>();
		long now = this.clock.millis();
		files.read(REVOKED_FILE).ifPresent((content) -> content.lines().forEach((line) -> {
			String[] parts = line.trim().split(" ");
			if (parts.length == 2 && parts[0].matches("\\d{1,19}") && Long.parseLong(parts[0]) > now) {
				entries.put(parts[1], Long.parseLong(parts[0]));
			}
		}));
		return entries;
	}

	private static String hmac(String key, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
