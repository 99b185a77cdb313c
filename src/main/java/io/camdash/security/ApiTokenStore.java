package io.camdash.security;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.camdash.storage.WriteProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * API tokens, kept in {@code api-tokens.json} in the data folder (owner-only, written
 * atomically and synced by {@link SecretFiles}). A token is shown once when made; only
 * its hash is kept. Each use is noted in memory and written at most once a minute per
 * token, so a polling script does not write to disk on every request.
 */
class ApiTokenStore {

	static final String FILE = "api-tokens.json";

	/** Every token starts with this, so one found in a log or a file is recognised. */
	static final String PREFIX = "camdash_";

	static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._@()-]{1,64}");

	private static final Duration LAST_USED_WRITE_INTERVAL = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(ApiTokenStore.class);

	private static final SecureRandom random = new SecureRandom();

	private final SecretFiles files;

	/**
	 * Its own mapper: the file's format does not change with the application's Jackson
	 * settings.
	 */
	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	/** Tokens by hash. */
	private final Map<String, ApiToken> tokens = new ConcurrentHashMap<>();

	/** When each token's last use was last written, by id. */
	private final Map<String, Instant> written = new ConcurrentHashMap<>();

	ApiTokenStore(SecretFiles files, Clock clock) {
		this.files = files;
		this.clock = clock;
		for (ApiToken token : load()) {
			this.tokens.put(token.hash(), token);
			this.written.put(token.id(), (token.lastUsed() != null) ? token.lastUsed() : Instant.EPOCH);
		}
	}

	/** All tokens, oldest first. */
	List<ApiToken> list() {
		return this.tokens.values().stream().sorted(Comparator.comparing(ApiToken::created)).toList();
	}

	/**
	 * Makes a token; the returned secret is not kept anywhere.
	 * @throws IllegalArgumentException with a sentence for the user if the name is not
	 * acceptable
	 */
	synchronized Created create(String name, Role role) {
		String trimmed = name.strip();
		if (!NAME.matcher(trimmed).matches()) {
			throw new IllegalArgumentException(
					"A token's name is 1 to 64 letters, digits, spaces and . _ @ ( ) -, such as \"Home Assistant\".");
		}
		if (this.tokens.values().stream().anyMatch((token) -> token.name().equalsIgnoreCase(trimmed))) {
			throw new IllegalArgumentException("A token named \"" + trimmed + "\" exists already.");
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		byte[] id = new byte[6];
		random.nextBytes(id);
		ApiToken token = new ApiToken(HexFormat.of().formatHex(id), trimmed, role, hash(value), this.clock.instant(),
				null);
		this.tokens.put(token.hash(), token);
		this.written.put(token.id(), Instant.EPOCH);
		try {
			save();
		}
		catch (UncheckedIOException ex) {
			// A token that would vanish at the next restart is not handed out.
			this.tokens.remove(token.hash());
			this.written.remove(token.id());
			throw ex;
		}
		return new Created(token, value);
	}

	/**
	 * Revokes a token at once; false if there is none with this id.
	 * @throws UncheckedIOException if the file could not be written: the token stays
	 * revoked until camdash restarts, and for good at the next successful write
	 */
	synchronized boolean revoke(String id) {
		boolean removed = this.tokens.values().removeIf((token) -> token.id().equals(id));
		if (removed) {
			this.written.remove(id);
			save();
		}
		return removed;
	}

	/** The token with this secret, noting its use; empty if there is none. */
	Optional<ApiToken> use(String presented) {
		if (!presented.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		ApiToken used = this.tokens.computeIfPresent(hash(presented), (key, token) -> token.usedAt(now));
		if (used == null) {
			return Optional.empty();
		}
		Instant lastWritten = this.written.get(used.id());
		if (lastWritten != null && lastWritten.plus(LAST_USED_WRITE_INTERVAL).isBefore(now)) {
			synchronized (this) {
				if (this.written.replace(used.id(), lastWritten, now)) {
					saveLastUse();
				}
			}
		}
		return Optional.of(used);
	}

	private List<ApiToken> load() {
		Optional<String> content = this.files.read(FILE);
		if (content.isEmpty()) {
			return List.of();
		}
		try {
			return this.json.readValue(content.get(), new TypeReference<List<ApiToken>>() {
			});
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot read the API tokens in " + this.files.path(FILE)
					+ ": fix or delete that file (deleting it revokes every API token)", ex);
		}
	}

	/** The last use is worth a try, never a refused request. */
	private void saveLastUse() {
		try {
			save();
		}
		catch (UncheckedIOException ex) {
			log.warn("Cannot note when API tokens were last used: {}",
					WriteProblem.describe(ex.getCause(), "the data folder"));
		}
	}

	private synchronized void save() {
		this.files.write(FILE, this.json.writerWithDefaultPrettyPrinter().writeValueAsString(list()));
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A token just made.
	 *
	 * @param token the token as stored
	 * @param value its secret, to show once
	 */
	record Created(ApiToken token, String value) {

		@Override
		public String toString() {
			return "Created[" + this.token + "]";
		}

	}

}
