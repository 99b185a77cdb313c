package io.camdash.bench;

import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * One benchmark viewer: its connection, its parser, and what it received. Touched only by
 * the {@link ViewerLoop} thread that owns it; others read its figures through
 * {@link WindowFigures}s taken on that thread.
 */
final class Viewer implements MjpegPartParser.Listener {

	final SocketChannel channel;

	final MjpegPartParser parser = new MjpegPartParser(this);

	/** Read budget in bytes per second, 0 for as fast as possible. */
	final int bytesPerSecond;

	/** Bytes this rate-limited viewer may still read now (token bucket). */
	double allowance;

	long allowanceNanos = System.nanoTime();

	boolean paused;

	volatile boolean failed;

	volatile String failure;

	volatile long framesTotal;

	private boolean recording;

	private long windowFrames;

	private long windowBytes;

	private long windowFrameBytes;

	private long[] latencies = new long[64];

	private int latencyCount;

	private long[] startLatencies = new long[64];

	private int startLatencyCount;

	Viewer(SocketChannel channel, int bytesPerSecond) {
		this.channel = channel;
		this.bytesPerSecond = bytesPerSecond;
	}

	@Override
	public void partStarted(long timestampMicros, long nowMicros) {
		if (this.recording) {
			this.startLatencies = append(this.startLatencies, this.startLatencyCount++, nowMicros - timestampMicros);
		}
	}

	@Override
	public void partReceived(int length, long timestampMicros, long nowMicros) {
		this.framesTotal++;
		if (this.recording) {
			this.windowFrames++;
			this.windowFrameBytes += length;
			this.latencies = append(this.latencies, this.latencyCount++, nowMicros - timestampMicros);
		}
	}

	void bytesRead(int count) {
		if (this.recording) {
			this.windowBytes += count;
		}
	}

	void fail(Exception ex) {
		this.failure = ex.toString();
		this.failed = true;
	}

	void startWindow() {
		this.recording = true;
		this.windowFrames = 0;
		this.windowBytes = 0;
		this.windowFrameBytes = 0;
		this.latencyCount = 0;
		this.startLatencyCount = 0;
	}

	/**
	 * Stops recording and hands over what the window saw; call on the owning loop's
	 * thread.
	 */
	WindowFigures.ViewerFigures endWindow(double seconds) {
		this.recording = false;
		return new WindowFigures.ViewerFigures(this.windowFrames, this.windowBytes, this.windowFrameBytes,
				Arrays.copyOf(this.latencies, this.latencyCount),
				Arrays.copyOf(this.startLatencies, this.startLatencyCount), this.failed, seconds);
	}

	private static long[] append(long[] values, int index, long value) {
		long[] target = (index < values.length) ? values : Arrays.copyOf(values, values.length * 2);
		target[index] = value;
		return target;
	}

}
