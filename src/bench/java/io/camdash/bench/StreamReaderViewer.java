package io.camdash.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A viewer that reads one byte stream on a thread of its own: a blocking socket (one
 * thread per viewer, the model of simple clients) or the output of a tool such as
 * {@code curl} started as its own process. Frames are recognised by
 * {@link MjpegPartParser}; the window figures are guarded by this object.
 */
final class StreamReaderViewer implements MjpegPartParser.Listener {

	private final MjpegPartParser parser = new MjpegPartParser(this);

	private final Thread thread;

	private final AutoCloseable connection;

	private volatile boolean firstFrame;

	private volatile String failure;

	private boolean recording;

	private long windowFrames;

	private long windowStartNanos;

	private long[] latencies = new long[256];

	private int latencyCount;

	StreamReaderViewer(String name, InputStream in, AutoCloseable connection) {
		this.connection = connection;
		this.thread = new Thread(() -> read(in), name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void read(InputStream in) {
		byte[] buffer = new byte[64 * 1024];
		try {
			int count;
			while ((count = in.read(buffer)) != -1) {
				this.parser.feed(ByteBuffer.wrap(buffer, 0, count));
			}
		}
		catch (IOException ex) {
			this.failure = ex.toString();
		}
	}

	@Override
	public void partStarted(long timestampMicros, long nowMicros) {
	}

	@Override
	public synchronized void partReceived(int length, long timestampMicros, long nowMicros) {
		this.firstFrame = true;
		if (this.recording) {
			this.windowFrames++;
			if (this.latencyCount == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.latencies.length * 2);
			}
			this.latencies[this.latencyCount++] = nowMicros - timestampMicros;
		}
	}

	boolean hasFirstFrame() {
		return this.firstFrame;
	}

	synchronized void startWindow() {
		this.recording = true;
		this.windowFrames = 0;
		this.latencyCount = 0;
		this.windowStartNanos = System.nanoTime();
	}

	synchronized WindowFigures.ViewerFigures endWindow() {
		this.recording = false;
		double seconds = (System.nanoTime() - this.windowStartNanos) / 1e9;
		return new WindowFigures.ViewerFigures(this.windowFrames, 0, 0,
				Arrays.copyOf(this.latencies, this.latencyCount), new long[0], this.failure != null, seconds);
	}

	void close() throws Exception {
		this.connection.close();
		this.thread.join(5000);
	}

}
