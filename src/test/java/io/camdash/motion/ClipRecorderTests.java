package io.camdash.motion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camdash.camera.source.H264Packet;
import io.camdash.camera.source.H264Track;
import io.camdash.support.Ffprobe;
import io.camdash.support.H264Slices;
import io.camdash.support.SmallDisk;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Clips: real H.264 MP4 files, whole or absent, encoded from JPEGs or copied from
 * packets.
 */
class ClipRecorderTests {

	private static final Instant ZERO = Instant.parse("2026-11-29T12:00:00Z");

	@TempDir
	Path dir;

	@Test
	void framesWithinTheClipBecomeAnH264Mp4ThatPlaysForTheirTimeSpan() throws Exception {
		List<ClipFrame> frames = frames(4);
		Path target = this.dir.resolve("yard_20261129-120000-000-motion.mp4");
		CompletableFuture<ClipRecorder.Result> done = new CompletableFuture<>();
		ClipRecorder recorder = new ClipRecorder(target, jpegs(), ZERO.plusSeconds(1), done::complete);
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
			ClipRecorder recorder = new ClipRecorder(target, jpegs(), ZERO.plusSeconds(3), done::complete);
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
		ClipRecorder recorder = new ClipRecorder(target, jpegs(), ZERO, done::complete);
		recorder.start("yard");
		recorder.close();
		assertThat(done.get(10, TimeUnit.SECONDS).written()).isFalse();
		assertThat(target).doesNotExist();
	}

	@Test
	void theCamerasOwnPacketsAreCopiedIntoAClipStartingAtTheFirstKeyframe() throws Exception {
		Path video = this.dir.resolve("camera.mp4");
		// Main profile, 25 fps, a keyframe a second, no B-frames: like an IP camera.
		run("ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-t", "4",
				"-c:v", "libx264", "-profile:v", "main", "-bf", "0", "-g", "25", "-pix_fmt", "yuv420p",
				video.toString());
		List<ClipPacket> packets = packets(video);
		Path target = this.dir.resolve("yard_20261129-120000-000-motion.mp4");
		CompletableFuture<ClipRecorder.Result> done = new CompletableFuture<>();
		Counter copied = new SimpleMeterRegistry().counter("copied");
		ClipRecorder recorder = new ClipRecorder(target, new PacketClipWriter(10, copied), ZERO.plusMillis(2500),
				done::complete);
		recorder.start("yard");
		// From the second keyframe on, up to 2.5 s: 38 frames, from 1 s to 2.52 s.
		for (ClipPacket packet : packets.subList(25, packets.size())) {
			recorder.offer(packet);
		}
		recorder.finish(ZERO.plusMillis(2500));
		recorder.close();
		ClipRecorder.Result result = done.get(30, TimeUnit.SECONDS);
		assertThat(result.written()).isTrue();
		assertThat(result.start()).isEqualTo(ZERO.plusSeconds(1));
		assertThat(result.frames()).isEqualTo(38);
		assertThat(result.seconds()).isCloseTo(1.52, within(0.01));
		assertThat(copied.count()).isEqualTo(38);
		String probe = Ffprobe.videoStream(target);
		assertThat(probe).contains("codec_name=h264", "profile=Main", "width=640", "height=360");
		double duration = Double.parseDouble(probe.replaceAll("(?s).*duration=([0-9.]+).*", "$1"));
		assertThat(duration).isCloseTo(1.52, within(0.05));
		// The camera's own slices, in order: copied, never encoded again.
		assertThat(H264Slices.of(target)).isEqualTo(H264Slices.of(video).subList(25, 63));
	}

	/** The file's packets as a camera's source gives them, timed from {@link #ZERO}. */
	private static List<ClipPacket> packets(Path video) throws Exception {
		List<ClipPacket> packets = new ArrayList<>();
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
			grabber.start();
			AVStream stream = grabber.getFormatContext().streams(0);
			byte[] extradata = new byte[stream.codecpar().extradata_size()];
			stream.codecpar().extradata().get(extradata);
			H264Track track = new H264Track(extradata, 640, 360, stream.time_base().num(), stream.time_base().den(),
					25);
			AVPacket packet;
			while ((packet = grabber.grabPacket()) != null) {
				byte[] data = new byte[packet.size()];
				packet.data().get(data);
				long millis = packet.pts() * 1000 * track.timeBaseNum() / track.timeBaseDen();
				packets.add(new ClipPacket(new H264Packet(track, data, packet.pts(), packet.dts(),
						(packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0, ZERO.plusMillis(millis))));
				avcodec.av_packet_unref(packet);
			}
		}
		return packets;
	}

	private static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).inheritIO().start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
	}

	private static JpegClipWriter jpegs() {
		return new JpegClipWriter(10, new SimpleMeterRegistry().counter("encoded"));
	}

	private static List<ClipFrame> frames(int seconds) {
		return new SyntheticScene(640, 360).mover(0, seconds, 0.1, 0.5, 0.9, 0.5, 60)
			.render(seconds, 10)
			.stream()
			.map((f) -> new ClipFrame(f.jpeg(), ZERO.plusMillis(f.millis()), 640, 360))
			.toList();
	}

}
