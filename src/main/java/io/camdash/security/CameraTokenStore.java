package io.camdash.security;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camera tokens: those of the configuration ({@code camdash.security.camera-tokens.{id}},
 * read-only) and those made on the camera tokens page, kept in the settings file's
 * {@code camera-tokens} section as SHA-256 hashes only (a token is 256 random bits, so a
 * fast hash hides it). A token made or revoked here opens or stops opening its camera's
 * stream and still at once. Tokens are compared by hash in constant time.
 */
class CameraTokenStore {

	static final String SECTION = "camera-tokens";

	/**
	 * Every token made here starts with this, so one found in a log or a file is known.
	 */
	static final String PREFIX = "camtoken_";

	private static final Set<String> FIELDS = Set.of("id", "camera", "hash", "created");

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern ID = Pattern.compile("[0-9a-f]{12}");

	private static final Logger log = LoggerFactory.getLogger(CameraTokenStore.class);

	private static final SecureRandom random = new SecureRandom();

	private final Map<String, byte[]> configured;

	private final List<CameraToken> stored = new CopyOnWriteArrayList<>();

	private final SettingsSections file;

	private final Clock clock;

	CameraTokenStore(Map<String, String> configuredTokens, SettingsSections file, Clock clock) {
		this.configured = configuredTokens.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (e) -> digest(e.getValue())));
		this.file = file;
		this.clock = clock;
		List<Map<String, Object>> entries = file.entries(SECTION);
		for (int i = 0; i < entries.size(); i++) {
			this.stored.add(storedToken(i, entries.get(i)));
		}
	}

	/** Whether this token opens this camera. */
	boolean opens(String cameraId, String presented) {
		byte[] digest = digest(presented);
		// Digests have equal lengths, so each comparison takes the same time however
		// much of the token is right.
		byte[] expected = this.configured.get(cameraId);
		boolean opens = expected != null && MessageDigest.isEqual(expected, digest);
		for (CameraToken token : this.stored) {
			if (token.camera().equals(cameraId)) {
				opens |= MessageDigest.isEqual(HexFormat.of().parseHex(token.hash()), digest);
			}
		}
		return opens;
	}

	/** The ids of the cameras with a token in the configuration. */
	Set<String> configuredCameras() {
		return this.configured.keySet();
	}

	/** The tokens made here, oldest first. */
	List<CameraToken> list() {
		return List.copyOf(this.stored);
	}

	/**
	 * Makes a token for a camera; the returned secret is kept nowhere.
	 * @throws UncheckedIOException when the settings file cannot be written; no token is
	 * made then
	 */
	synchronized String create(String actor, String cameraId) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		byte[] id = new byte[6];
		random.nextBytes(id);
		CameraToken token = new CameraToken(HexFormat.of().formatHex(id), cameraId,
				HexFormat.of().formatHex(digest(value)), this.clock.instant());
		List<CameraToken> tokens = new ArrayList<>(this.stored);
		tokens.add(token);
		save(tokens);
		this.stored.add(token);
		log.info("Audit: {} made camera token {} for camera '{}'", LogSafe.text(actor), token.id(), cameraId);
		return value;
	}

	/**
	 * Revokes a token made here; false when there is none with this id.
	 * @throws UncheckedIOException when the settings file cannot be written; the token
	 * still works then
	 */
	synchronized boolean revoke(String actor, String id) {
		List<CameraToken> tokens = new ArrayList<>(this.stored);
		CameraToken token = tokens.stream().filter((t) -> t.id().equals(id)).findFirst().orElse(null);
		if (token == null) {
			return false;
		}
		tokens.remove(token);
		save(tokens);
		this.stored.remove(token);
		log.info("Audit: {} revoked camera token {} of camera '{}'", LogSafe.text(actor), token.id(), token.camera());
		return true;
	}

	private void save(List<CameraToken> tokens) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (CameraToken token : tokens) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", token.id());
			entry.put("camera", token.camera());
			entry.put("hash", token.hash());
			entry.put("created", token.created().toString());
			entries.add(entry);
		}
		this.file.replaceEntries(SECTION, entries);
	}

	private static CameraToken storedToken(int index, Map<String, Object> entry) {
		String where = "The settings file's camera-tokens[" + index + "]";
		for (String field : entry.keySet()) {
			if (!FIELDS.contains(field)) {
				throw new IllegalStateException(where + " has '" + field + "', which is not one of " + FIELDS
						+ ": correct the file while camdash is stopped");
			}
		}
		String id = String.valueOf(entry.get("id"));
		String hash = String.valueOf(entry.get("hash"));
		if (!ID.matcher(id).matches() || !HASH.matcher(hash).matches() || entry.get("camera") == null) {
			throw new IllegalStateException(where + " needs an id (12 hex digits), a camera and a hash "
					+ "(64 hex digits): correct the file while camdash is stopped, or remove the entry");
		}
		Instant created;
		try {
			created = Instant.parse(String.valueOf(entry.get("created")));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalStateException(where + ".created is no time such as 2026-11-30T10:00:00Z");
		}
		return new CameraToken(id, String.valueOf(entry.get("camera")), hash, created);
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A camera token made on the page.
	 *
	 * @param id short public id, to revoke it
	 * @param camera the camera it opens
	 * @param hash SHA-256 of the token, hex
	 * @param created when it was made
	 */
	record CameraToken(String id, String camera, String hash, Instant created) {

		@Override
		public String toString() {
			return "CameraToken[id=" + this.id + ", camera=" + this.camera + "]";
		}

	}

}
