package io.camdash.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.camdash.security.SecuritySettings.LoginThrottle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAttemptsTests {

	private Instant now = Instant.parse("2026-01-01T12:00:00Z");

	private final LoginAttempts attempts = new LoginAttempts(new LoginThrottle(3, 10, Duration.ofMinutes(5)),
			new Clock() {

				@Override
				public Instant instant() {
					return LoginAttemptsTests.this.now;
				}

				@Override
				public java.time.ZoneId getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(java.time.ZoneId zone) {
					return this;
				}

			});

	@Test
	void aUserIsLockedAfterTheLimitUntilTheLockEnds() {
		this.attempts.failed("viewer", "192.0.2.1");
		this.attempts.failed("viewer", "192.0.2.2");
		assertThat(this.attempts.lockedFor("viewer", "192.0.2.3")).isZero();
		this.attempts.failed("viewer", "192.0.2.3");
		assertThat(this.attempts.lockedFor("viewer", "192.0.2.4")).isEqualTo(Duration.ofMinutes(5));
		this.now = this.now.plus(Duration.ofMinutes(4));
		assertThat(this.attempts.lockedFor("viewer", "192.0.2.4")).isEqualTo(Duration.ofMinutes(1));
		this.now = this.now.plus(Duration.ofMinutes(1));
		assertThat(this.attempts.lockedFor("viewer", "192.0.2.4")).isZero();
	}

	@Test
	void oldFailuresAreForgottenAndASuccessClearsTheUsersCount() {
		this.attempts.failed("viewer", "192.0.2.1");
		this.attempts.failed("viewer", "192.0.2.1");
		this.now = this.now.plus(Duration.ofMinutes(6));
		this.attempts.failed("viewer", "192.0.2.1");
		assertThat(this.attempts.lockedFor("viewer", "192.0.2.1")).isZero();
		this.attempts.succeeded("viewer");
		this.attempts.failed("viewer", "192.0.2.1");
		this.attempts.failed("viewer", "192.0.2.1");
		assertThat(this.attempts.lockedFor("viewer", "192.0.2.9")).isZero();
	}

	@Test
	void anAddressIsLockedAfterItsOwnLimitWhateverTheNames() {
		for (int i = 0; i < 10; i++) {
			this.attempts.failed("name-" + i, "192.0.2.7");
		}
		assertThat(this.attempts.lockedFor("admin", "192.0.2.7")).isPositive();
		assertThat(this.attempts.lockedFor("admin", "192.0.2.8")).isZero();
	}

	@Test
	void userNamesAreLoggedAsData() {
		assertThat(LogSafe.text("admin\r\n2026-01-01 INFO forged line")).doesNotContain("\n", "\r")
			.startsWith("admin\\u000d\\u000a");
		assertThat(LogSafe.text("x".repeat(500))).hasSize(65);
	}

}
