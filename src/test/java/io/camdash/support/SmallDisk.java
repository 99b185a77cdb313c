package io.camdash.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A real, tiny file system (a tmpfs mount) that tests fill up or make read-only, so a
 * full or read-only disk is met as the kernel reports it (ENOSPC, EROFS), not faked.
 * Mounting needs root, as on the machines that run {@code ./mvnw verify}; elsewhere the
 * test is skipped.
 */
public final class SmallDisk implements AutoCloseable {

	private final Path mountPoint;

	private SmallDisk(Path mountPoint) {
		this.mountPoint = mountPoint;
	}

	/** Mounts a tmpfs of the given size at a new folder under {@code target/}. */
	public static SmallDisk mount(String name, String size) {
		try {
			Path mountPoint = Files.createDirectories(Path.of("target", "small-disks", name).toAbsolutePath());
			run("umount", mountPoint.toString());
			boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString());
			assumeThat(mounted).as("mounting a tmpfs (needs root)").isTrue();
			return new SmallDisk(mountPoint);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Path path() {
		return this.mountPoint;
	}

	/** Fills the disk with one file until the kernel says it is full. */
	public void fill() throws IOException {
		byte[] block = new byte[4096];
		try (OutputStream out = Files.newOutputStream(this.mountPoint.resolve(".filler"))) {
			while (true) {
				out.write(block);
			}
		}
		catch (IOException ex) {
			if (!String.valueOf(ex.getMessage()).contains("No space left")) {
				throw ex;
			}
		}
	}

	/** Frees what {@link #fill()} took. */
	public void free() throws IOException {
		Files.deleteIfExists(this.mountPoint.resolve(".filler"));
	}

	public void readOnly(boolean readOnly) {
		if (!run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), this.mountPoint.toString())) {
			throw new IllegalStateException("cannot remount " + this.mountPoint);
		}
	}

	@Override
	public void close() {
		run("umount", this.mountPoint.toString());
	}

	private static boolean run(String... command) {
		try {
			Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
