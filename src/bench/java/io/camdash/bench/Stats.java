package io.camdash.bench;

import java.util.Arrays;

/** Order statistics of benchmark samples. */
final class Stats {

	private Stats() {
	}

	/** The {@code p}-th percentile (0 to 100) by nearest rank; NaN for no samples. */
	static double percentile(double[] values, double p) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
	}

	static double percentile(long[] values, double p) {
		return percentile(Arrays.stream(values).asDoubleStream().toArray(), p);
	}

	static double median(double[] values) {
		return percentile(values, 50);
	}

	static double min(double[] values) {
		return Arrays.stream(values).min().orElse(Double.NaN);
	}

	static double max(double[] values) {
		return Arrays.stream(values).max().orElse(Double.NaN);
	}

}
