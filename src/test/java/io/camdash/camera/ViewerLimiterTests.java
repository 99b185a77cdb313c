package io.camdash.camera;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerLimiterTests {

	private final ViewerLimiter limiter = new ViewerLimiter(3, 2);

	@Test
	void aPlaceReleasedTwiceIsGivenBackOnce() {
		ViewerLimiter.Permit permit = this.limiter.tryAcquire("192.0.2.1");
		permit.release();
		permit.release();
		assertThat(this.limiter.available()).isEqualTo(3);
		assertThat(this.limiter.tryAcquire("192.0.2.1")).isNotNull();
		assertThat(this.limiter.tryAcquire("192.0.2.1")).isNotNull();
	}

	@Test
	void pastTheLimitThereIsNoPlace() {
		assertThat(this.limiter.tryAcquire("192.0.2.1")).isNotNull();
		assertThat(this.limiter.tryAcquire("192.0.2.2")).isNotNull();
		assertThat(this.limiter.tryAcquire("192.0.2.3")).isNotNull();
		assertThat(this.limiter.tryAcquire("192.0.2.4")).isNull();
	}

	@Test
	void oneAddressCannotTakeMoreThanItsShareAndLeavesTheRestToOthers() {
		assertThat(this.limiter.tryAcquire("192.0.2.1")).isNotNull();
		ViewerLimiter.Permit second = this.limiter.tryAcquire("192.0.2.1");
		assertThat(second).isNotNull();
		assertThat(this.limiter.tryAcquire("192.0.2.1")).isNull();
		assertThat(this.limiter.refusal("192.0.2.1"))
			.isEqualTo("Too many viewers from your address: camdash serves at most 2 streams at once to one address");
		assertThat(this.limiter.available()).isEqualTo(1);
		assertThat(this.limiter.tryAcquire("192.0.2.2")).isNotNull();
		assertThat(this.limiter.refusal("192.0.2.3"))
			.isEqualTo("Too many viewers: camdash serves at most 3 streams at once");
		second.release();
		assertThat(this.limiter.tryAcquire("192.0.2.1")).isNotNull();
	}

}
