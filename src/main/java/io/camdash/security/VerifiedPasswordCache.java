package io.camdash.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Names and passwords verified lately, so that a tool sending HTTP Basic on every request
 * (Home Assistant polling a still every few seconds) costs one password hash per
 * {@code camdash.security.basic-cache} rather than one per request (bcrypt takes about
 * 100 ms of CPU). An entry is keyed by an HMAC of name and password under a key made at
 * start and never stored, so neither the password nor a fast way to test guesses against
 * it is kept. Bounded: past {@link #MAX_ENTRIES} the oldest entries go.
 */
final class VerifiedPasswordCache {

	static final int MAX_ENTRIES = 1000;

	private final long timeToLiveNanos;

	private final LongSupplier nanoTime;

	private final SecretKeySpec key = new SecretKeySpec(KeyGenerators.secureRandom(32).generateKey(), "HmacSHA256");

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	VerifiedPasswordCache(Duration timeToLive, LongSupplier nanoTime) {
		this.timeToLiveNanos = timeToLive.toNanos();
		this.nanoTime = nanoTime;
	}

	boolean isEnabled() {
		return this.timeToLiveNanos > 0;
	}

	/** The name verified with this password lately, or null. */
	@Nullable String verified(String name, String password) {
		if (!isEnabled()) {
			return null;
		}
		String key = keyOf(name, password);
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		if (this.nanoTime.getAsLong() - entry.verifiedAt() > this.timeToLiveNanos) {
			this.entries.remove(key, entry);
			return null;
		}
		return entry.name();
	}

	void remember(String name, String password) {
		if (!isEnabled()) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.values().removeIf((entry) -> now - entry.verifiedAt() > this.timeToLiveNanos);
			if (this.entries.size() >= MAX_ENTRIES) {
				// Many live entries means someone is making them: start afresh rather
				// than
				// grow.
				this.entries.clear();
			}
		}
		this.entries.put(keyOf(name, password), new Entry(name, now));
	}

	/** Forgets every password verified for this user (changed or removed). */
	void forget(String name) {
		this.entries.values().removeIf((entry) -> entry.name().equalsIgnoreCase(name));
	}

	private String keyOf(String name, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(name.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Entry(String name, long verifiedAt) {

	}

}
