package io.camdash.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * One ffmpeg process: its frame count, from the {@code frame=} lines of its progress.
 */
final class FfmpegViewer {

	private final Process process;

	private final Thread reader;

	// The latest progress line: its frame count and when it arrived. ffmpeg
	// reports every 0.2 s, so a window is measured between two reports, not
	// between two instants (which could be off by up to 12 frames).
	private volatile Progress latest = new Progress(0, System.nanoTime());

	private Progress windowStart;

	/** Reads the progress of an ffmpeg started with {@code -progress pipe:1}. */
	FfmpegViewer(Process process) {
		this.process = process;
		this.reader = new Thread(this::read, "bench-ffmpeg-" + process.pid());
		this.reader.setDaemon(true);
		this.reader.start();
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.US_ASCII))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.startsWith("frame=")) {
					this.latest = new Progress(Long.parseLong(line.substring(6).strip()), System.nanoTime());
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// The process ended; its last count stands.
		}
	}

	long frames() {
		return this.latest.frames();
	}

	void startWindow() {
		this.windowStart = this.latest;
	}

	WindowFigures.ViewerFigures endWindow() {
		Progress end = this.latest;
		double seconds = (end.nanos() - this.windowStart.nanos()) / 1e9;
		return new WindowFigures.ViewerFigures(end.frames() - this.windowStart.frames(), 0, 0, new long[0], new long[0],
				!this.process.isAlive(), seconds);
	}

	void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
		this.reader.join(5000);
	}

	private record Progress(long frames, long nanos) {
	}

}
