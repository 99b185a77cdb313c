package io.camdash.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a Linux process's CPU time and status fields from {@code /proc}. */
final class ProcStats {

	private ProcStats() {
	}

	/** utime + stime of {@code pid}, all its threads, in seconds. */
	static double cpuSeconds(long pid) throws IOException {
		return cpuSeconds(Path.of("/proc", Long.toString(pid), "stat"));
	}

	private static double cpuSeconds(Path statFile) throws IOException {
		String stat = Files.readString(statFile);
		// The command name may hold spaces: fields are counted after its closing
		// parenthesis.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long utime = Long.parseLong(fields[11]);
		long stime = Long.parseLong(fields[12]);
		return (utime + stime) / ServerProcess.TICKS_PER_SECOND;
	}

	/**
	 * CPU time of the process's busiest thread named {@code java}, in seconds: the thread
	 * that runs {@code main} (the launcher's first thread, also named so, only waits).
	 */
	static double mainThreadCpuSeconds(long pid) throws IOException {
		double busiest = 0;
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
			for (Path task : tasks) {
				try {
					if (Files.readString(task.resolve("comm")).strip().equals("java")) {
						busiest = Math.max(busiest, cpuSeconds(task.resolve("stat")));
					}
				}
				catch (NoSuchFileException ex) {
					// The thread ended meanwhile.
				}
			}
		}
		return busiest;
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
