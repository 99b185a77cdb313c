package io.camdash.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An API token as stored: its secret only as a SHA-256 hash (a token is 256 random bits,
 * so a fast hash is enough: there is nothing to guess from it).
 *
 * @param id short public id, used to revoke it
 * @param name what the administrator called it ("Home Assistant")
 * @param role what it may do: ADMIN or VIEWER
 * @param hash SHA-256 of the token, hex
 * @param created when it was made
 * @param lastUsed when it last opened a request, or null if never
 */
record ApiToken(String id, String name, Role role, String hash, Instant created, @Nullable Instant lastUsed) {

	ApiToken usedAt(Instant when) {
		return new ApiToken(this.id, this.name, this.role, this.hash, this.created, when);
	}

	@Override
	public String toString() {
		return "ApiToken[id=" + this.id + ", name=" + this.name + ", role=" + this.role + "]";
	}

}
