package io.camdash.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camdash.security.SecuritySettings.LoginThrottle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins, counted so that guessing stays slow without letting a stranger lock
 * the owner out:
 * <ul>
 * <li>one name from one address: locked after {@code max-failures-per-user} failures;
 * <li>one address, whatever the names: locked after {@code max-failures-per-address};
 * <li>one name from all addresses together: past {@code max-failures-per-user}, each
 * further try waits twice as long as the last (1 s, 2 s, 4 s ... up to the lock
 * duration), so guesses spread over many addresses stay slow;
 * <li>all sign-ins together: at most {@code max-failures-per-minute} failures a minute.
 * </ul>
 * A browser that signed in as that name before ({@link TrustedBrowsers}) is held only by
 * its own failures and its address's lock: failures from elsewhere never lock it out.
 * While locked, even the right password is refused.
 */
class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	/**
	 * Past this many tracked entries, expired ones are dropped (an attacker can invent
	 * names).
	 */
	private static final int SWEEP_THRESHOLD = 10_000;

	private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final LoginThrottle limits;

	private final Clock clock;

	private final Map<String, Failures> pairs = new ConcurrentHashMap<>();

	private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

	private final Map<String, Failures> users = new ConcurrentHashMap<>();

	private final Map<String, Failures> browsers = new ConcurrentHashMap<>();

	private Failures everyone = new Failures(0, Instant.EPOCH, Instant.EPOCH);

	LoginAttempts(LoginThrottle limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * How much longer this sign-in must wait; zero when it may try now.
	 * @param browser the id of a browser that signed in as this user before, or null
	 */
	Duration lockedFor(String user, String address, @Nullable String browser) {
		Instant now = this.clock.instant();
		Duration lock = remaining(this.addresses.get(address), this.limits.maxFailuresPerAddress(), now);
		if (browser != null && remaining(this.browsers.get(browser), this.limits.maxFailuresPerUser(), now).isZero()) {
			return lock;
		}
		lock = longer(lock, remaining(this.pairs.get(pair(user, address)), this.limits.maxFailuresPerUser(), now));
		lock = longer(lock, delay(this.users.get(user), now));
		Failures all = this.everyone;
		if (all.count() >= this.limits.maxFailuresPerMinute() && now.isBefore(all.since().plus(MINUTE))) {
			lock = longer(lock, Duration.between(now, all.since().plus(MINUTE)));
		}
		return lock;
	}

	void failed(String user, String address, @Nullable String browser) {
		Instant now = this.clock.instant();
		sweep(now);
		Failures forPair = this.pairs.compute(pair(user, address), (key, old) -> next(old, now));
		Failures forAddress = this.addresses.compute(address, (key, old) -> next(old, now));
		// Remembered twice as long as the longest wait, so waiting it out does not start
		// the count afresh.
		Failures forUser = this.users.compute(user,
				(key, old) -> next(old, now, this.limits.lockDuration().multipliedBy(2)));
		if (browser != null) {
			this.browsers.compute(browser, (key, old) -> next(old, now));
		}
		synchronized (this) {
			this.everyone = (now.isBefore(this.everyone.since().plus(MINUTE)))
					? new Failures(this.everyone.count() + 1, this.everyone.since(), now) : new Failures(1, now, now);
			if (this.everyone.count() == this.limits.maxFailuresPerMinute()) {
				log.warn("{} failed sign-ins within a minute: sign-ins from unknown browsers wait until it ends",
						this.everyone.count());
			}
		}
		log.warn("Failed sign-in for user '{}' from {} ({} failures for this user, {} from this address)",
				LogSafe.text(user), address, forUser.count(), forAddress.count());
		if (forPair.count() == this.limits.maxFailuresPerUser()) {
			log.warn("Sign-in for user '{}' from {} is locked for {} after {} failures", LogSafe.text(user), address,
					this.limits.lockDuration(), forPair.count());
		}
		if (forUser.count() > this.limits.maxFailuresPerUser() && forPair.count() < forUser.count()) {
			log.warn("Sign-in for user '{}' from unknown browsers waits {} after {} failures from several addresses",
					LogSafe.text(user), delay(forUser, now), forUser.count());
		}
		if (forAddress.count() == this.limits.maxFailuresPerAddress()) {
			log.warn("Sign-in from {} is locked for {} after {} failures", address, this.limits.lockDuration(),
					forAddress.count());
		}
	}

	void succeeded(String user, String address, @Nullable String browser) {
		this.pairs.remove(pair(user, address));
		if (browser != null) {
			this.browsers.remove(browser);
		}
	}

	private static String pair(String user, String address) {
		return user + "\n" + address;
	}

	private Failures next(@Nullable Failures old, Instant now) {
		return next(old, now, this.limits.lockDuration());
	}

	/**
	 * One more failure; the count starts afresh when the last is older than forgetAfter.
	 */
	private static Failures next(@Nullable Failures old, Instant now, Duration forgetAfter) {
		Failures current = (old == null || !now.isBefore(old.last().plus(forgetAfter))) ? new Failures(0, now, now)
				: old;
		return new Failures(current.count() + 1, current.since(), now);
	}

	/**
	 * Remaining lock of a count at or past its limit: lock duration from the last
	 * failure.
	 */
	private Duration locked(@Nullable Failures failures, int max, Instant now) {
		return remaining(failures, max, now);
	}

	private Duration remaining(@Nullable Failures failures, int max, Instant now) {
		if (failures == null || failures.count() < max) {
			return Duration.ZERO;
		}
		Instant until = failures.last().plus(this.limits.lockDuration());
		return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
	}

	/** The growing wait for a name guessed from many places. */
	private Duration delay(@Nullable Failures failures, Instant now) {
		if (failures == null || failures.count() < this.limits.maxFailuresPerUser()) {
			return Duration.ZERO;
		}
		int doublings = Math.min(30, failures.count() - this.limits.maxFailuresPerUser());
		Duration wait = FIRST_DELAY.multipliedBy(1L << doublings);
		if (wait.compareTo(this.limits.lockDuration()) > 0) {
			wait = this.limits.lockDuration();
		}
		Instant until = failures.last().plus(wait);
		return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
	}

	/** Forgotten: the last failure is older than the lock duration. */
	private boolean expired(Failures failures, Instant now) {
		return !now.isBefore(failures.last().plus(this.limits.lockDuration()));
	}

	private static Duration longer(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private void sweep(Instant now) {
		if (this.pairs.size() + this.addresses.size() + this.users.size() + this.browsers.size() > SWEEP_THRESHOLD) {
			this.pairs.values().removeIf((f) -> expired(f, now));
			this.addresses.values().removeIf((f) -> expired(f, now));
			this.users.values().removeIf((f) -> expired(f, now.minus(this.limits.lockDuration())));
			this.browsers.values().removeIf((f) -> expired(f, now));
		}
	}

	/**
	 * Failures counted since {@code since}, the latest at {@code last}.
	 */
	private record Failures(int count, Instant since, Instant last) {

	}

}
