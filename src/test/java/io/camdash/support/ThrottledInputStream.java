package io.camdash.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/** Reads no faster than a given rate, like a viewer on a slow link. */
final class ThrottledInputStream extends FilterInputStream {

	private final int bytesPerSecond;

	private final long start = System.nanoTime();

	private long total;

	ThrottledInputStream(InputStream in, int bytesPerSecond) {
		super(in);
		this.bytesPerSecond = bytesPerSecond;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		// Read in slices of a tenth of a second's worth, waiting until each is due.
		int slice = Math.min(length, Math.max(1, this.bytesPerSecond / 10));
		long due = this.start + this.total * 1_000_000_000L / this.bytesPerSecond;
		long wait = due - System.nanoTime();
		if (wait > 0) {
			try {
				Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException();
			}
		}
		int n = super.read(buffer, offset, slice);
		if (n > 0) {
			this.total += n;
		}
		return n;
	}

}
