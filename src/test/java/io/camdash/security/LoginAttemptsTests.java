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

	private final LoginAttempts attempts = new LoginAttempts(new LoginThrottle(3, 10, 20, Duration.ofMinutes(5)),
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
	void aNameIsLockedAtOneAddressAfterTheLimitUntilTheLockEnds() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.attempts.lockedFor("viewer", "192.0.2.1", null)).isZero();
			this.attempts.failed("viewer", "192.0.2.1", null);
		}
		assertThat(this.attempts.lockedFor("viewer", "192.0.2.1", null)).isEqualTo(Duration.ofMinutes(5));
		this.now = this.now.plus(Duration.ofMinutes(4));
		assertThat(this.attempts.lockedFor("viewer", "192.0.2.1", null)).isEqualTo(Duration.ofMinutes(1));
		this.now = this.now.plus(Duration.ofMinutes(1));
		assertThat(this.attempts.lockedFor("viewer", "192.0.2.1", null)).isZero();
	}

	@Test
	void guessesForOneNameFromManyAddressesWaitTwiceAsLongEachTimeUpToTheLockDuration() {
		this.attempts.failed("admin", "192.0.2.1", null);
		this.attempts.failed("admin", "192.0.2.2", null);
		assertThat(this.attempts.lockedFor("admin", "192.0.2.9", null)).isZero();
		this.attempts.failed("admin", "192.0.2.3", null);
		Duration expected = Duration.ofSeconds(1);
		for (int i = 4; i < 20; i++) {
			assertThat(this.attempts.lockedFor("admin", "192.0.2.9", null)).isEqualTo(expected);
			this.now = this.now.plus(expected);
			assertThat(this.attempts.lockedFor("admin", "192.0.2.9", null)).isZero();
			this.attempts.failed("admin", "192.0.2." + (10 + i), null);
			expected = expected.multipliedBy(2);
			expected = (expected.compareTo(Duration.ofMinutes(5)) > 0) ? Duration.ofMinutes(5) : expected;
		}
	}

	@Test
	void aBrowserThatSignedInBeforeIsNotLockedByFailuresFromElsewhereOnlyByItsOwn() {
		for (int i = 0; i < 10; i++) {
			this.attempts.failed("admin", "192.0.2." + i, null);
		}
		assertThat(this.attempts.lockedFor("admin", "198.51.100.7", null)).isPositive();
		assertThat(this.attempts.lockedFor("admin", "198.51.100.7", "owners-browser")).isZero();
		for (int i = 0; i < 3; i++) {
			this.attempts.failed("admin", "198.51.100.7", "owners-browser");
		}
		assertThat(this.attempts.lockedFor("admin", "198.51.100.7", "owners-browser")).isPositive();
	}

	@Test
	void anAddressIsLockedAfterItsOwnLimitWhateverTheNamesEvenForATrustedBrowser() {
		for (int i = 0; i < 10; i++) {
			this.attempts.failed("name-" + i, "192.0.2.7", null);
		}
		assertThat(this.attempts.lockedFor("admin", "192.0.2.7", "owners-browser")).isPositive();
		assertThat(this.attempts.lockedFor("admin", "192.0.2.8", null)).isZero();
	}

	@Test
	void tooManyFailuresOverallHoldUnknownBrowsersForTheRestOfTheMinute() {
		for (int i = 0; i < 20; i++) {
			this.attempts.failed("name-" + i, "192.0.2." + i, null);
		}
		assertThat(this.attempts.lockedFor("admin", "198.51.100.7", null)).isPositive();
		assertThat(this.attempts.lockedFor("admin", "198.51.100.7", "owners-browser")).isZero();
		this.now = this.now.plus(Duration.ofMinutes(1));
		assertThat(this.attempts.lockedFor("admin", "198.51.100.7", null)).isZero();
	}

	@Test
	void userNamesAreLoggedAsData() {
		assertThat(LogSafe.text("admin\r\n2026-01-01 INFO forged line")).doesNotContain("\n", "\r")
			.startsWith("admin\\u000d\\u000a");
		assertThat(LogSafe.text("x".repeat(500))).hasSize(65);
	}

}
