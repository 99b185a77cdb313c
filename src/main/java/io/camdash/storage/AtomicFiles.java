package io.camdash.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way camdash writes a file: into a hidden temporary file next to the target,
 * synced to the disk, moved into place with one atomic rename, and the folder synced so
 * the rename itself survives a power cut. Readers see the old content or the new, never
 * half of it. Temporary files are named {@code .<hint>-<digits>.tmp}; those left by a
 * crash are removed at start by {@link #removeLeftovers(Path, int)}.
 */
public final class AtomicFiles {

	private static final Logger log = LoggerFactory.getLogger(AtomicFiles.class);

	private static final String TEMP_SUFFIX = ".tmp";

	/**
	 * camdash's temporary files: hidden, a random number (from
	 * {@link Files#createTempFile}) and {@code .tmp}. Never a picture or note name.
	 */
	private static final Pattern TEMP_NAME = Pattern.compile("\\..*\\d+\\.tmp");

	private AtomicFiles() {
	}

	/**
	 * Whether a crash may have lost a write: {@link #DURABLE} syncs file and folder,
	 * {@link #CACHE} (files that can be made again, such as thumbnails) only renames.
	 */
	public enum Durability {

		/** Synced before and after the move: survives a power cut once written. */
		DURABLE,

		/** Only atomic: after a power cut the file may be missing, never torn. */
		CACHE

	}

	/** Writes (or replaces) a file atomically. */
	public static void write(Path target, byte[] content, Durability durability, FileAttribute<?>... attributes)
			throws IOException {
		Path temp = writeTemp(target.getParent(), target.getFileName().toString(), content, durability, attributes);
		try {
			moveIntoPlace(temp, target, true, durability);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/**
	 * Writes content to a new hidden temporary file in a folder, synced when durable, for
	 * {@link #moveIntoPlace} to a name chosen afterwards. The caller deletes it if it is
	 * never moved.
	 */
	public static Path writeTemp(Path folder, String hint, byte[] content, Durability durability,
			FileAttribute<?>... attributes) throws IOException {
		Path temp = createTemp(folder, hint, attributes);
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			if (durability == Durability.DURABLE) {
				channel.force(true);
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
		return temp;
	}

	/**
	 * A new, empty hidden temporary file in a folder, named like those of
	 * {@link #writeTemp} (so {@link #removeLeftovers} finds it after a crash), for a
	 * writer that fills a file itself, such as a video encoder. Sync it with
	 * {@link #syncFile} before {@link #moveIntoPlace}; the caller deletes it if it is
	 * never moved.
	 */
	public static Path createTemp(Path folder, String hint, FileAttribute<?>... attributes) throws IOException {
		return Files.createTempFile(folder, "." + hint + "-", TEMP_SUFFIX, attributes);
	}

	/** Syncs a file's content to the disk (for a file another writer filled). */
	public static void syncFile(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

	/**
	 * Renames a temporary file to its target in one step, replacing an existing target
	 * only when asked ({@link java.nio.file.FileAlreadyExistsException} otherwise), then
	 * syncs the folder when durable.
	 */
	public static void moveIntoPlace(Path temp, Path target, boolean replace, Durability durability)
			throws IOException {
		if (replace) {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		else {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		if (durability == Durability.DURABLE) {
			syncFolder(target.getParent());
		}
	}

	/**
	 * Syncs a folder, so a rename or delete in it is on the disk; where the platform
	 * cannot open folders (Windows) the rename is left to the file system.
	 */
	public static void syncFolder(Path folder) throws IOException {
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (UnsupportedOperationException | java.nio.file.AccessDeniedException ex) {
			log.debug("Cannot sync folder {}: {}", folder, ex.toString());
		}
	}

	/**
	 * Removes camdash's temporary files (hidden, {@code -<digits>.tmp}) left in a folder
	 * and its subfolders, up to a depth, by a crash. Called at start, before anything
	 * writes there.
	 * @return how many were removed
	 */
	public static int removeLeftovers(Path folder, int maxDepth) {
		AtomicInteger removed = new AtomicInteger();
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try {
			Files.walkFileTree(folder, EnumSet.noneOf(java.nio.file.FileVisitOption.class), maxDepth,
					new SimpleFileVisitor<>() {

						@Override
						public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
							if (attributes.isRegularFile() && isTemporary(file.getFileName().toString())) {
								try {
									Files.deleteIfExists(file);
									removed.incrementAndGet();
								}
								catch (IOException ex) {
									log.warn("Cannot remove the left-over temporary file {}: {}", file,
											WriteProblem.describe(ex, "its folder"));
								}
							}
							return FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFileFailed(Path file, IOException ex) {
							return FileVisitResult.CONTINUE;
						}

					});
		}
		catch (IOException ex) {
			log.warn("Cannot look for left-over temporary files in {}: {}", folder, ex.toString());
		}
		if (removed.get() > 0) {
			log.info("Removed {} temporary file(s) left in {} by an earlier crash", removed.get(), folder);
		}
		return removed.get();
	}

	/** Whether a file name is one of camdash's temporary files. */
	public static boolean isTemporary(String fileName) {
		return TEMP_NAME.matcher(fileName).matches();
	}

}
