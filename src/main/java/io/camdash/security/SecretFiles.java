package io.camdash.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import io.camdash.storage.AtomicFiles;
import io.camdash.storage.AtomicFiles.Durability;

/**
 * The data folder where camdash keeps its own secrets (the generated admin password's
 * hash, the remember-me key, the settings file). The folder is owner-only (700) and each
 * file owner-readable only (600); a file is written to a temporary file and moved into
 * place, so a crash never leaves half a secret behind.
 */
public final class SecretFiles {

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private final Path folder;

	public SecretFiles(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
		// Only this folder's own files: the thumbnail cache below it cleans itself.
		AtomicFiles.removeLeftovers(this.folder, 1);
	}

	public Path path(String name) {
		return this.folder.resolve(name);
	}

	/** The trimmed content of a file, or empty when it does not exist or is blank. */
	Optional<String> read(String name) {
		Path file = path(name);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			String content = Files.readString(file, StandardCharsets.UTF_8).trim();
			return content.isEmpty() ? Optional.empty() : Optional.of(content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/** Writes a file atomically with owner-only access. */
	public void write(String name, String content) {
		try {
			createFolder();
			AtomicFiles.write(path(name), (content + "\n").getBytes(StandardCharsets.UTF_8), Durability.DURABLE,
					ownerOnly("rw-------"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot write " + path(name) + ": camdash needs a writable " + "camdash.security.data-folder", ex);
		}
	}

	private void createFolder() throws IOException {
		if (!Files.isDirectory(this.folder)) {
			Files.createDirectories(this.folder, ownerOnly("rwx------"));
		}
		else if (POSIX) {
			// Another feature (the thumbnail cache lives in ./.camdash too) may have made
			// it first.
			Files.setPosixFilePermissions(this.folder, PosixFilePermissions.fromString("rwx------"));
		}
	}

	private static FileAttribute<?>[] ownerOnly(String permissions) {
		return POSIX
				? new FileAttribute<?>[] {
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) }
				: new FileAttribute<?>[0];
	}

}
