package io.camdash.camera.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * A stand-in for {@code rpicam-vid}, written by a test into a folder: a shell script that
 * records how it was called (its arguments, one a line, and one line per start) and
 * writes generated JPEGs to its standard output, as the real program does with
 * {@code --codec mjpeg -o -}, or a generated H.264 stream (ffmpeg's test source through
 * libx264), as with {@code --codec h264 --inline -o -}. There is no Pi camera on these
 * machines.
 */
public final class StandInCameraProgram {

	private final Path folder;

	private final Path program;

	private final List<byte[]> frames = new ArrayList<>();

	private StandInCameraProgram(Path folder, String name) {
		this.folder = folder;
		this.program = folder.resolve(name);
	}

	/**
	 * A program writing the three test colours in turn, 20 frames a second; after
	 * {@code frames} frames (0 for never) it writes {@code errorLine} to standard error
	 * and exits with {@code exitCode}.
	 */
	public static StandInCameraProgram write(Path folder, String name, int frames, String errorLine, int exitCode) {
		StandInCameraProgram stand = new StandInCameraProgram(folder, name);
		stand.writeFrames();
		stand.writeScript(frames, errorLine, exitCode);
		return stand;
	}

	/** A program that streams until it is stopped. */
	public static StandInCameraProgram streaming(Path folder) {
		return write(folder, "rpicam-vid", 0, "", 0);
	}

	/** A program that fails at once with {@code errorLine}, as with a camera in use. */
	public static StandInCameraProgram failing(Path folder, String errorLine, int exitCode) {
		return write(folder, "rpicam-vid", -1, errorLine, exitCode);
	}

	/**
	 * A program writing H.264 in Annex B form, 320x240 at the {@code --framerate} it is
	 * given (20 without), a keyframe a second with its parameter sets; after
	 * {@code frames} frames (0 for never) it writes {@code errorLine} to standard error
	 * and exits with {@code exitCode}.
	 */
	public static StandInCameraProgram h264(Path folder, int frames, String errorLine, int exitCode) {
		StandInCameraProgram stand = new StandInCameraProgram(folder, "rpicam-vid");
		String limit = (frames > 0) ? "-frames:v " + frames + " " : "";
		stand.writeScript("""
				rate=20
				while [ $# -gt 1 ]; do
				  if [ "$1" = --framerate ]; then rate=$2; fi
				  shift
				done
				ffmpeg -nostdin -loglevel error -re -f lavfi -i testsrc2=size=320x240:rate=$rate %1$s\\
				  -c:v libx264 -preset veryfast -tune zerolatency -profile:v high -bf 0 -g $rate -pix_fmt yuv420p \\
				  -x264-params repeat-headers=1 -f h264 - || exit 9
				""".formatted(limit), errorLine, exitCode);
		return stand;
	}

	public Path path() {
		return this.program;
	}

	/** The JPEG of frame {@code i}, byte for byte what the program writes. */
	public byte[] frame(int i) {
		return this.frames.get(i % this.frames.size());
	}

	/** The arguments of its last start, without the program. */
	public List<String> arguments() throws IOException {
		Path file = this.folder.resolve(this.program.getFileName() + ".args");
		return Files.exists(file) ? Files.readAllLines(file) : List.of();
	}

	/** How often it was started. */
	public int starts() throws IOException {
		Path file = this.folder.resolve(this.program.getFileName() + ".starts");
		return Files.exists(file) ? Files.readAllLines(file).size() : 0;
	}

	private void writeFrames() {
		for (int i = 0; i < TestMedia.COLOURS.size(); i++) {
			try (Mat image = TestMedia.solid(TestMedia.COLOURS.get(i)); BytePointer buffer = new BytePointer()) {
				imencode(".jpg", image, buffer);
				byte[] jpeg = new byte[(int) buffer.limit()];
				buffer.get(jpeg);
				this.frames.add(jpeg);
				Files.write(this.folder.resolve("frame" + i + ".jpg"), jpeg);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * {@code frames}: how many frames before the error and exit; 0 for endless, -1 for
	 * none at all.
	 */
	private void writeScript(int frames, String errorLine, int exitCode) {
		writeScript("""
				limit=%2$d
				n=0
				while [ "$limit" -ge 0 ]; do
				  for i in 0 1 2; do
				    if [ "$limit" -gt 0 ] && [ "$n" -ge "$limit" ]; then break 2; fi
				    cat '%1$s/frame'$i'.jpg' || exit 9
				    n=$((n + 1))
				    sleep 0.05
				  done
				done
				""".formatted(this.folder, frames), errorLine, exitCode);
	}

	/**
	 * The script: records its call, runs {@code body}, then says {@code errorLine} and
	 * exits with {@code exitCode}.
	 */
	private void writeScript(String body, String errorLine, int exitCode) {
		String name = this.program.getFileName().toString();
		String script = """
				#!/bin/sh
				printf '%%s\\n' "$@" > '%1$s/%2$s.args'
				echo started >> '%1$s/%2$s.starts'
				echo "[0:00:00.05] INFO Camera camera_manager.cpp:284 libcamera v0.0.0" >&2
				%3$s
				printf '%%s\\n' '%4$s' >&2
				exit %5$d
				""".formatted(this.folder, name, body, errorLine.replace("'", ""), exitCode);
		try {
			Files.writeString(this.program, script);
			Files.setPosixFilePermissions(this.program, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
