package io.camdash.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camdash.security.SecuritySettings.LoginThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins per user name and per client address. After too many within the lock
 * duration, that name or address is locked for the lock duration: even the right password
 * is refused until then, so guessing stays slow.
 */
class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	/**
	 * Past this many tracked names and addresses, expired entries are dropped (an
	 * attacker can invent names).
	 */
	private static final int SWEEP_THRESHOLD = 10_000;

	private final LoginThrottle limits;

	private final Clock clock;

	private final Map<String, Failures> users = new ConcurrentHashMap<>();

	private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

	LoginAttempts(LoginThrottle limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * How much longer sign-ins for this user or from this address are refused; zero when
	 * they are not.
	 */
	Duration lockedFor(String user, String address) {
		Instant now = this.clock.instant();
		Duration userLock = remaining(this.users.get(user), now);
		Duration addressLock = remaining(this.addresses.get(address), now);
		return (userLock.compareTo(addressLock) >= 0) ? userLock : addressLock;
	}

	void failed(String user, String address) {
		Instant now = this.clock.instant();
		sweep(now);
		Failures forUser = this.users.compute(user, (key, old) -> next(old, now, this.limits.maxFailuresPerUser()));
		Failures forAddress = this.addresses.compute(address,
				(key, old) -> next(old, now, this.limits.maxFailuresPerAddress()));
		log.warn("Failed sign-in for user '{}' from {} ({} failures for this user, {} from this address)",
				LogSafe.text(user), address, forUser.count(), forAddress.count());
		if (forUser.count() == this.limits.maxFailuresPerUser()) {
			log.warn("Sign-in for user '{}' is locked for {} after {} failures", LogSafe.text(user),
					this.limits.lockDuration(), forUser.count());
		}
		if (forAddress.count() == this.limits.maxFailuresPerAddress()) {
			log.warn("Sign-in from {} is locked for {} after {} failures", address, this.limits.lockDuration(),
					forAddress.count());
		}
	}

	void succeeded(String user) {
		this.users.remove(user);
	}

	private Failures next(Failures old, Instant now, int max) {
		Failures current = (old == null || old.expired(now, this.limits.lockDuration())) ? new Failures(0, now, null)
				: old;
		int count = current.count() + 1;
		Instant lockedUntil = (count >= max) ? now.plus(this.limits.lockDuration()) : current.lockedUntil();
		return new Failures(count, current.since(), lockedUntil);
	}

	private static Duration remaining(Failures failures, Instant now) {
		if (failures == null || failures.lockedUntil() == null || !now.isBefore(failures.lockedUntil())) {
			return Duration.ZERO;
		}
		return Duration.between(now, failures.lockedUntil());
	}

	private void sweep(Instant now) {
		if (this.users.size() + this.addresses.size() > SWEEP_THRESHOLD) {
			this.users.values().removeIf((f) -> f.expired(now, this.limits.lockDuration()));
			this.addresses.values().removeIf((f) -> f.expired(now, this.limits.lockDuration()));
		}
	}

	/**
	 * Failures counted since {@code since}; locked until {@code lockedUntil} when not
	 * null.
	 */
	private record Failures(int count, Instant since, Instant lockedUntil) {

		/**
		 * Whether these failures are forgotten: older than the lock duration and no
		 * longer locked.
		 */
		boolean expired(Instant now, Duration lockDuration) {
			boolean locked = this.lockedUntil != null && now.isBefore(this.lockedUntil);
			return !locked && !now.isBefore(this.since.plus(lockDuration));
		}

	}

}
