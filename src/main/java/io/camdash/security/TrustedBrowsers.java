package io.camdash.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * Browsers that signed in before (OWASP's "device cookies"): a successful sign-in gives
 * the browser a signed cookie naming the user, so guesses for that name from elsewhere,
 * which slow down or lock the name for everyone else, never lock out its owner's browser.
 * The cookie lets nobody in by itself; it only changes which throttle applies.
 */
class TrustedBrowsers {

	static final String COOKIE = "camdash-browser";

	private static final Duration LIFETIME = Duration.ofDays(365);

	private static final SecureRandom random = new SecureRandom();

	private final byte[] key;

	TrustedBrowsers(String secret) {
		this.key = ("trusted-browser|" + secret).getBytes(StandardCharsets.UTF_8);
	}

	/** Marks the browser as one the user signed in with. */
	void trust(HttpServletRequest request, HttpServletResponse response, String user) {
		byte[] nonce = new byte[16];
		random.nextBytes(nonce);
		String id = HexFormat.of().formatHex(nonce);
		String payload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(normal(user).getBytes(StandardCharsets.UTF_8)) + "." + id;
		Cookie cookie = new Cookie(COOKIE, payload + "." + sign(payload));
		cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
		cookie.setMaxAge((int) LIFETIME.toSeconds());
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	/**
	 * The id of this browser when its cookie is genuine and names this user; null
	 * otherwise.
	 */
	@Nullable String browserOf(@Nullable String cookieValue, String user) {
		if (cookieValue == null) {
			return null;
		}
		String[] parts = cookieValue.split("\\.");
		if (parts.length != 3) {
			return null;
		}
		String payload = parts[0] + "." + parts[1];
		boolean genuine = MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
				parts[2].getBytes(StandardCharsets.US_ASCII));
		try {
			String named = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
			return (genuine && named.equals(normal(user))) ? parts[1] : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** This request's trusted-browser cookie, as sent. */
	static @Nullable String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	private static String normal(String user) {
		return user.toLowerCase(Locale.ROOT);
	}

	private String sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
