package io.camdash.camera.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;

/**
 * A program's output that its reader can stop waiting for. A read from a pipe cannot be
 * interrupted, so a thread of its own copies the output into a bounded in-memory pipe,
 * and a read interrupted there ends the stream (the interrupt kept). FFmpeg reads the Pi
 * camera's H.264 through it, so the camera's watchdog and its stop still reach the
 * capture thread when the program hangs.
 */
final class InterruptibleInput extends InputStream {

	private final PipedInputStream pipe;

	InterruptibleInput(InputStream output, int bufferSize, String threadName) throws IOException {
		this.pipe = new PipedInputStream(bufferSize);
		PipedOutputStream sink = new PipedOutputStream(this.pipe);
		Thread copier = new Thread(() -> copy(output, sink), threadName);
		copier.setDaemon(true);
		copier.start();
	}

	private static void copy(InputStream output, PipedOutputStream sink) {
		byte[] buffer = new byte[16 * 1024];
		try (output; sink) {
			int read;
			while ((read = output.read(buffer)) >= 0) {
				sink.write(buffer, 0, read);
				// Wakes the reader now, not at its next one-second check.
				sink.flush();
			}
		}
		catch (IOException ex) {
			// The program ended or the reader closed the pipe: either way the reader sees
			// the end.
		}
	}

	@Override
	public int read() throws IOException {
		try {
			return this.pipe.read();
		}
		catch (InterruptedIOException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		try {
			return this.pipe.read(buffer, offset, length);
		}
		catch (InterruptedIOException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	@Override
	public int available() throws IOException {
		return this.pipe.available();
	}

	@Override
	public void close() throws IOException {
		this.pipe.close();
	}

}
