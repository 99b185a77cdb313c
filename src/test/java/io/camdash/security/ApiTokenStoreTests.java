package io.camdash.security;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.camdash.storage.WriteProblem;
import io.camdash.support.SmallDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The API tokens file on a real full or read-only disk: no token is handed out that a
 * restart would lose, a revoked token stays refused, and a script is never refused
 * because its last use could not be written.
 */
class ApiTokenStoreTests {

	private final MovableClock clock = new MovableClock();

	private SmallDisk disk;

	private ApiTokenStore store;

	@BeforeEach
	void mount() {
		this.disk = SmallDisk.mount("api-tokens", "1M");
		this.store = new ApiTokenStore(new SecretFiles(this.disk.path()), this.clock);
	}

	@AfterEach
	void unmount() {
		this.disk.close();
	}

	@Test
	void noTokenIsHandedOutWhenTheDiskIsFull() throws Exception {
		this.disk.fill();
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.store.create("script", Role.ADMIN))
			.satisfies((ex) -> assertThat(WriteProblem.of(ex.getCause())).isEqualTo(WriteProblem.DISK_FULL));
		assertThat(this.store.list()).isEmpty();
		this.disk.free();
		assertThat(this.store.create("script", Role.ADMIN).token().name()).isEqualTo("script");
	}

	@Test
	void aTokenRevokedOnAReadOnlyDiskIsRefusedAtOnce() {
		ApiTokenStore.Created created = this.store.create("script", Role.ADMIN);
		this.disk.readOnly(true);
		try {
			assertThatExceptionOfType(UncheckedIOException.class)
				.isThrownBy(() -> this.store.revoke(created.token().id()));
			assertThat(this.store.use(created.value())).isEmpty();
		}
		finally {
			this.disk.readOnly(false);
		}
	}

	@Test
	void aScriptIsNotRefusedWhenItsLastUseCannotBeWritten() {
		ApiTokenStore.Created created = this.store.create("script", Role.VIEWER);
		this.disk.readOnly(true);
		try {
			this.clock.advance(Duration.ofMinutes(2));
			assertThat(this.store.use(created.value()))
				.hasValueSatisfying((token) -> assertThat(token.lastUsed()).isEqualTo(this.clock.instant()));
		}
		finally {
			this.disk.readOnly(false);
		}
	}

	@Test
	void tokensAndTheirLastUseSurviveARestart() {
		ApiTokenStore.Created created = this.store.create("script", Role.VIEWER);
		this.clock.advance(Duration.ofMinutes(2));
		this.store.use(created.value());
		ApiTokenStore restarted = new ApiTokenStore(new SecretFiles(this.disk.path()), this.clock);
		assertThat(restarted.use(created.value())).hasValueSatisfying((token) -> {
			assertThat(token.name()).isEqualTo("script");
			assertThat(token.role()).isEqualTo(Role.VIEWER);
		});
		assertThat(restarted.list()).singleElement()
			.satisfies((token) -> assertThat(token.lastUsed()).isEqualTo(this.clock.instant()));
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-11-30T02:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
