package io.camdash.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a Linux process's CPU time and status fields from {@code /proc}. */
final class ProcStats {

	private ProcStats() {
	}

	/** utime + stime of {@code pid}, all its threads, in seconds. */
	static double cpuSeconds(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		// The command name may hold spaces: fields are counted after its closing
		// parenthesis.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long utime = Long.parseLong(fields[11]);
		long stime = Long.parseLong(fields[12]);
		return (utime + stime) / ServerProcess.TICKS_PER_SECOND;
	}

	/** A numeric field of {@code /proc/<pid>/status} such as VmRSS (kB) or Threads. */
	static long statusField(long pid, String name) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
			if (line.startsWith(name + ":")) {
				return Long.parseLong(line.substring(name.length() + 1).trim().split("\\s+")[0]);
			}
		}
		throw new IOException("no " + name + " in /proc/" + pid + "/status");
	}

}
