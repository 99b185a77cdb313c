package io.camdash.bench;

import java.util.ArrayList;
import java.util.List;

/** The figures of a run and their targets, printed as markdown tables. */
final class ResultsTable {

	private final List<String> loadRows = new ArrayList<>();

	private final List<String> targetRows = new ArrayList<>();

	private final List<String> batchRows = new ArrayList<>();

	private final List<String> otherRows = new ArrayList<>();

	private int misses;

	void load(int viewers, double serverCpu, double clientCpu, double fpsMin, double fpsMedian, double p50, double p99,
			double rssMb, double heapMb, double mbPerSecond, double frameKb) {
		this.loadRows.add(String.format("| %d | %.1f | %.1f | %.2f | %.2f | %.1f | %.1f | %.0f | %.1f | %.1f | %.1f |",
				viewers, serverCpu, clientCpu, fpsMin, fpsMedian, p50, p99, rssMb, heapMb, mbPerSecond, frameKb));
	}

	/** One batch of one client kind; latency NaN when the client cannot tell it. */
	void batch(String kind, int viewers, int batch, double fpsMin, double fpsMedian, double p99, long failures) {
		this.batchRows.add(String.format("| %s | %d | %d | %.2f | %.2f | %s | %d |", kind, viewers, batch, fpsMin,
				fpsMedian, Double.isNaN(p99) ? "–" : String.format("%.1f", p99), failures));
	}

	/** A figure with a target: {@code pass} says whether it is met. */
	void target(String figure, String value, String target, boolean pass) {
		if (!pass) {
			this.misses++;
		}
		this.targetRows
			.add("| " + figure + " | " + value + " | " + target + " | " + (pass ? "PASS" : "**MISS**") + " |");
	}

	/** A figure reported for context, without a target. */
	void info(String figure, String value) {
		this.otherRows.add("| " + figure + " | " + value + " |");
	}

	int misses() {
		return this.misses;
	}

	String markdown() {
		StringBuilder text = new StringBuilder();
		text.append("| viewers | server CPU % of a core | client CPU % | fps min | fps median | latency p50 ms | ")
			.append("latency p99 ms | server RSS MB | heap after GC MB | MB/s received | frame KB |\n")
			.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		this.loadRows.forEach((row) -> text.append(row).append('\n'));
		if (!this.batchRows.isEmpty()) {
			text.append("\n| client kind | viewers | batch | fps min | fps median | latency p99 ms | broken |\n")
				.append("|---|---:|---:|---:|---:|---:|---:|\n");
			this.batchRows.forEach((row) -> text.append(row).append('\n'));
		}
		text.append("\n| figure | value | target | result |\n|---|---:|---:|---|\n");
		this.targetRows.forEach((row) -> text.append(row).append('\n'));
		text.append("\n| other figure | value |\n|---|---:|\n");
		this.otherRows.forEach((row) -> text.append(row).append('\n'));
		return text.toString();
	}

}
