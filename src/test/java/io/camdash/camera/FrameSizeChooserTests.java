package io.camdash.camera;

import java.time.Duration;
import java.util.function.LongPredicate;

import io.camdash.camera.FrameSizeChooser.Change;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of switching frame size, on a simulated 30 fps camera: time is passed in, no
 * clock involved.
 */
class FrameSizeChooserTests {

	private static final long FRAME = 1_000_000_000L / 30;

	private static final long SECOND = 1_000_000_000L;

	private static final StreamingProperties.Reduced SETTINGS = new StreamingProperties.Reduced(true, 640, 50,
			Duration.ofSeconds(2), Duration.ofSeconds(10), DataSize.ofKilobytes(4));

	private final Viewer viewer = new Viewer(FrameSizeChooser.automatic(SETTINGS, 0, 0));

	@Test
	void aViewerThatTakesEveryFrameKeepsFullFrames() {
		this.viewer.watch(60 * SECOND, (frame) -> true);
		assertThat(this.viewer.chooser.reduced()).isFalse();
		assertThat(this.viewer.switches).isZero();
	}

	@Test
	void aViewerThatTakesFewFramesOverAWindowGetsReducedFrames() {
		// 50 KB/s against 58 KB frames: about one frame in 35.
		this.viewer.watch(2 * SECOND - FRAME, (frame) -> frame % 35 == 0);
		assertThat(this.viewer.chooser.reduced()).as("not judged before the window ends").isFalse();
		this.viewer.watch(2 * FRAME, (frame) -> frame % 35 == 0);
		assertThat(this.viewer.chooser.reduced()).isTrue();
		assertThat(this.viewer.chooser.lastShare()).isLessThan(0.1);
	}

	@Test
	void aShortHiccupDoesNotSwitchAViewer() {
		this.viewer.watch(10 * SECOND, (frame) -> frame < 60 || frame > 75);
		assertThat(this.viewer.switches).isZero();
	}

	@Test
	void aViewerIsNotJudgedOnFewFramesOfASlowCamera() {
		FrameSizeChooser chooser = FrameSizeChooser.automatic(SETTINGS, 0, 0);
		for (int frame = 1; frame < FrameSizeChooser.MIN_FRAMES; frame++) {
			assertThat(chooser.offered(frame, false, frame * SECOND)).isEqualTo(Change.NONE);
		}
		assertThat(chooser.offered(FrameSizeChooser.MIN_FRAMES, false, FrameSizeChooser.MIN_FRAMES * SECOND))
			.isEqualTo(Change.TO_REDUCED);
	}

	@Test
	void aFrameOfferedAgainWhenTheSocketDrainsCountsOnce() {
		// Each frame is missed, then sent when the socket drains: the viewer took every
		// frame.
		FrameSizeChooser chooser = FrameSizeChooser.automatic(SETTINGS, 0, 0);
		for (int frame = 1; frame <= 120; frame++) {
			assertThat(chooser.offered(frame, false, frame * FRAME)).isEqualTo(Change.NONE);
			assertThat(chooser.offered(frame, true, frame * FRAME + FRAME / 2)).isEqualTo(Change.NONE);
		}
		assertThat(chooser.reduced()).isFalse();
		assertThat(chooser.lastShare()).isGreaterThan(0.95);
	}

	@Test
	void aReducedViewerThatKeepsUpTriesFullFramesAfterRetryAfter() {
		this.viewer.watch(3 * SECOND, (frame) -> frame % 35 == 0);
		assertThat(this.viewer.chooser.reduced()).isTrue();
		long reducedAt = this.viewer.now;
		this.viewer.watchUntilFull(60 * SECOND, (frame) -> true);
		assertThat(this.viewer.chooser.reduced()).isFalse();
		assertThat(this.viewer.now - reducedAt).isBetween(10 * SECOND, 14 * SECOND);
	}

	@Test
	void aReducedViewerThatStillSkipsFramesStaysReduced() {
		this.viewer.watch(3 * SECOND, (frame) -> frame % 35 == 0);
		// Reduced frames are about a fifth of the size: it takes more of them, but not
		// all.
		this.viewer.watch(120 * SECOND, (frame) -> frame % 7 == 0);
		assertThat(this.viewer.chooser.reduced()).isTrue();
		assertThat(this.viewer.switches).isOne();
	}

	@Test
	void aViewerThatFallsBehindRightAfterTryingFullFramesWaitsLongerEachTimeUpToALimit() {
		// Keeps up with reduced frames, never with full ones.
		long[] delays = new long[6];
		for (int i = 0; i < delays.length; i++) {
			this.viewer.watchUntilReduced(60 * SECOND, (frame) -> frame % 35 == 0);
			delays[i] = this.viewer.chooser.retryDelayNanos();
			this.viewer.watchUntilFull(10 * 60 * SECOND, (frame) -> true);
		}
		assertThat(delays).containsExactly(10 * SECOND, 20 * SECOND, 40 * SECOND, 80 * SECOND, 80 * SECOND,
				80 * SECOND);
	}

	@Test
	void aViewerThatHeldFullFramesForLongStartsAgainFromTheShortestWait() {
		this.viewer.watchUntilReduced(60 * SECOND, (frame) -> frame % 35 == 0);
		this.viewer.watchUntilFull(60 * SECOND, (frame) -> true);
		this.viewer.watchUntilReduced(60 * SECOND, (frame) -> frame % 35 == 0);
		assertThat(this.viewer.chooser.retryDelayNanos()).isEqualTo(20 * SECOND);
		this.viewer.watchUntilFull(60 * SECOND, (frame) -> true);
		this.viewer.watch(60 * SECOND, (frame) -> true);
		this.viewer.watchUntilReduced(60 * SECOND, (frame) -> frame % 35 == 0);
		assertThat(this.viewer.chooser.retryDelayNanos()).isEqualTo(10 * SECOND);
	}

	@Test
	void aViewerThatAskedForFewerFramesIsJudgedAgainstItsOwnRate() {
		// ?fps=5 on a 30 fps camera: it takes one frame in six, all it asked for.
		Viewer capped = new Viewer(FrameSizeChooser.automatic(SETTINGS, SECOND / 5, 0));
		capped.watch(30 * SECOND, (frame) -> frame % 6 == 0);
		assertThat(capped.switches).isZero();
		// A third of that (1.5 of its 5 frames a second) is too slow even for it.
		capped.watch(6 * SECOND, (frame) -> frame % 20 == 0);
		assertThat(capped.chooser.reduced()).isTrue();
		assertThat(capped.chooser.lastShare()).isBetween(0.2, 0.4);
	}

	@Test
	void aViewerThatChoseItsSizeKeepsIt() {
		Viewer full = new Viewer(FrameSizeChooser.fixed(false));
		full.watch(30 * SECOND, (frame) -> frame % 35 == 0);
		assertThat(full.chooser.reduced()).isFalse();
		Viewer reduced = new Viewer(FrameSizeChooser.fixed(true));
		reduced.watch(30 * SECOND, (frame) -> true);
		assertThat(reduced.chooser.reduced()).isTrue();
		assertThat(full.switches + reduced.switches).isZero();
	}

	/**
	 * Offers a chooser one frame every 1/30 s; {@code takes} says which frames the viewer
	 * took.
	 */
	private static final class Viewer {

		final FrameSizeChooser chooser;

		long now;

		long sequence;

		int switches;

		Viewer(FrameSizeChooser chooser) {
			this.chooser = chooser;
		}

		void watch(long duration, LongPredicate takes) {
			watchUntil(duration, takes, null);
		}

		void watchUntilReduced(long atMost, LongPredicate takes) {
			watchUntil(atMost, takes, Change.TO_REDUCED);
			assertThat(this.chooser.reduced()).isTrue();
		}

		void watchUntilFull(long atMost, LongPredicate takes) {
			watchUntil(atMost, takes, Change.TO_FULL);
			assertThat(this.chooser.reduced()).isFalse();
		}

		private void watchUntil(long duration, LongPredicate takes, Change until) {
			long end = this.now + duration;
			long first = this.sequence;
			while (this.now < end) {
				this.now += FRAME;
				this.sequence++;
				Change change = this.chooser.offered(this.sequence, takes.test(this.sequence - first - 1), this.now);
				if (change != Change.NONE) {
					this.switches++;
					if (change == until) {
						return;
					}
				}
			}
		}

	}

}
