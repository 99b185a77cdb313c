package io.camdash.camera;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerLimiterTests {

	private final ViewerLimiter limiter = new ViewerLimiter(2);

	@Test
	void aPlaceReleasedTwiceIsGivenBackOnce() {
		ViewerLimiter.Permit permit = this.limiter.tryAcquire();
		permit.release();
		permit.release();
		assertThat(this.limiter.available()).isEqualTo(2);
	}

	@Test
	void pastTheLimitThereIsNoPlace() {
		assertThat(this.limiter.tryAcquire()).isNotNull();
		assertThat(this.limiter.tryAcquire()).isNotNull();
		assertThat(this.limiter.tryAcquire()).isNull();
	}

}
