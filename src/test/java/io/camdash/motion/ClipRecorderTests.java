package io.camdash.motion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camdash.support.Ffprobe;
import io.camdash.support.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Clips: real H.264 MP4 files, whole or absent. */
class ClipRecorderTests {

	private static final Instant ZERO = Instant.parse("2026-11-29T12:00:00Z");

	@TempDir
	Path dir;

	@Test
	void framesWithinTheClipBecomeAnH264Mp4ThatPlaysForTheirTimeSpan() throws Exception {
		List<ClipFrame> frames = frames(4);
		Path target = this.dir.resolve("yard_20261129-120000-000-motion.mp4");
		CompletableFuture<ClipRecorder.Result> done = new CompletableFuture<>();
		ClipRecorder recorder = new ClipRecorder(target, 10, ZERO.plusSeconds(1), done::complete);
		recorder.start("yard");
		for (ClipFrame frame : frames) {
			recorder.offer(frame);
		}
		recorder.extendTo(ZERO.plusMillis(2500));
		recorder.finish(ZERO.plusSeconds(3));
		recorder.close();
		ClipRecorder.Result result = done.get(30, TimeUnit.SECONDS);
		assertThat(result.written()).isTrue();
		assertThat(result.start()).isEqualTo(ZERO);
		assertThat(result.frames()).isEqualTo(31);
		assertThat(result.seconds()).isCloseTo(3.1, within(0.01));
		assertThat(target).isRegularFile();
		String probe = Ffprobe.videoStream(target);
		assertThat(probe).contains("codec_name=h264").contains("pix_fmt=yuv420p").contains("width=640");
		double duration = Double.parseDouble(probe.replaceAll("(?s).*duration=([0-9.]+).*", "$1"));
		assertThat(duration).isCloseTo(3.1, within(0.15));
		try (var files = Files.list(this.dir)) {
			assertThat(files.map((f) -> f.getFileName().toString())).containsExactly(target.getFileName().toString());
		}
	}

	@Test
	void aFullDiskLeavesNoClipAndNoTemporaryFile() throws Exception {
		try (SmallDisk disk = SmallDisk.mount("motion-clips", "1m")) {
			disk.fill();
			Path target = disk.path().resolve("yard_20261129-120000-000-motion.mp4");
			CompletableFuture<ClipRecorder.Result> done = new CompletableFuture<>();
			ClipRecorder recorder = new ClipRecorder(target, 10, ZERO.plusSeconds(3), done::complete);
			recorder.start("yard");
			frames(2).forEach(recorder::offer);
			recorder.close();
			ClipRecorder.Result result = done.get(30, TimeUnit.SECONDS);
			assertThat(result.written()).isFalse();
			assertThat(result.problem()).isEqualTo("the disk is full");
			try (var files = Files.list(disk.path())) {
				assertThat(files.map((f) -> f.getFileName().toString())).containsExactly(".filler");
			}
		}
	}

	@Test
	void aClipWithoutFramesIsNoFile() throws Exception {
		Path target = this.dir.resolve("yard_20261129-120000-000-motion.mp4");
		CompletableFuture<ClipRecorder.Result> done = new CompletableFuture<>();
		ClipRecorder recorder = new ClipRecorder(target, 10, ZERO, done::complete);
		recorder.start("yard");
		recorder.close();
		assertThat(done.get(10, TimeUnit.SECONDS).written()).isFalse();
		assertThat(target).doesNotExist();
	}

	private static List<ClipFrame> frames(int seconds) {
		return new SyntheticScene(640, 360).mover(0, seconds, 0.1, 0.5, 0.9, 0.5, 60)
			.render(seconds, 10)
			.stream()
			.map((f) -> new ClipFrame(f.jpeg(), ZERO.plusMillis(f.millis()), 640, 360))
			.toList();
	}

}
