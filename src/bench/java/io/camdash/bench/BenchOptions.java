package io.camdash.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How long and how big the benchmark runs, from system properties.
 * {@code bench.quick=true} is the smoke run for CI (under a minute, figures too short to
 * quote).
 *
 * @param jar the camdash application jar
 * @param out folder for the video, the server log, the JFR recording and the results
 * @param quick whether this is the smoke run
 * @param jfr whether to record the server with Java Flight Recorder
 * @param viewerCounts the N of the load scenarios
 * @param warmupSeconds settling time before each measured window
 * @param windowSeconds length of each measured window
 * @param churnCycles connect, one frame, reset cycles of the churn scenario
 * @param firstFrameSamples samples of first frame with the camera running
 * @param idleSamples samples of first frame from an idle camera
 * @param clientThreads selector threads of the viewer client
 */
record BenchOptions(Path jar, Path out, boolean quick, boolean jfr, List<Integer> viewerCounts, int warmupSeconds,
		int windowSeconds, int churnCycles, int firstFrameSamples, int idleSamples, int clientThreads) {

	static BenchOptions fromSystemProperties() {
		Path jar = Path.of(System.getProperty("bench.jar", "target/camdash-0.1.0-SNAPSHOT.jar"));
		Path out = Path.of(System.getProperty("bench.out", "target/bench"));
		boolean quick = Boolean.getBoolean("bench.quick");
		boolean jfr = Boolean.getBoolean("bench.jfr");
		int clientThreads = Integer.getInteger("bench.clientThreads", 2);
		if (quick) {
			return new BenchOptions(jar, out, true, jfr, List.of(1, 10, 100), 1, 3, 100, 5, 1, clientThreads);
		}
		// -Dbench.viewers=1,100 measures only those counts (for quick comparisons while
		// tuning).
		List<Integer> counts = Arrays.stream(System.getProperty("bench.viewers", "1,10,100,500").split(","))
			.map(String::strip)
			.map(Integer::valueOf)
			.toList();
		return new BenchOptions(jar, out, false, jfr, counts, 4, 10, 1000, 20, 5, clientThreads);
	}

}
