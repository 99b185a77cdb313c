package io.camdash.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * Reads no faster than a given rate, like a viewer on a slow link; the rate may change
 * while reading.
 */
final class ThrottledInputStream extends FilterInputStream {

	private volatile int bytesPerSecond;

	private long start = System.nanoTime();

	private long total;

	private volatile boolean rateChanged;

	ThrottledInputStream(InputStream in, int bytesPerSecond) {
		super(in);
		this.bytesPerSecond = bytesPerSecond;
	}

	/**
	 * From now on reads at most {@code bytesPerSecond}; 0 reads as fast as the link goes.
	 */
	void rate(int bytesPerSecond) {
		this.bytesPerSecond = bytesPerSecond;
		this.rateChanged = true;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (this.rateChanged) {
			this.rateChanged = false;
			this.start = System.nanoTime();
			this.total = 0;
		}
		int rate = this.bytesPerSecond;
		if (rate <= 0) {
			return super.read(buffer, offset, length);
		}
		// Read in slices of a tenth of a second's worth, waiting until each is due.
		int slice = Math.min(length, Math.max(1, rate / 10));
		long due = this.start + this.total * 1_000_000_000L / rate;
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
