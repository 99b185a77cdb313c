package io.camdash.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

import io.camdash.storage.AtomicFiles;
import io.camdash.storage.AtomicFiles.Durability;
import io.camdash.storage.NormalizedNames;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The notes folder. Every read goes to disk, so notes changed by hand show on the next
 * request; every write is atomic (a temporary file moved into place), and saves check the
 * version the editor started from.
 */
@Component
class NoteStore {

	private final Path root;

	private final DataSize maxSize;

	NoteStore(NotesProperties properties) {
		try {
			Files.createDirectories(properties.folder());
			this.root = properties.folder().toRealPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot use the notes folder " + properties.folder().toAbsolutePath(), ex);
		}
		this.maxSize = properties.maxSize();
		AtomicFiles.removeLeftovers(this.root, NotePath.MAX_DEPTH + 1);
	}

	/** The real path of the notes folder. */
	Path root() {
		return this.root;
	}

	DataSize maxSize() {
		return this.maxSize;
	}

	NoteFile read(NotePath path) {
		NoteFile note = readIfExists(path);
		if (note == null) {
			throw new NoteNotFoundException(path);
		}
		return note;
	}

	/** An image stored next to the notes, for relative {@code ![](picture.png)} links. */
	Path image(NotePath path) {
		Path file = existing(path);
		if (!path.isImage() || file == null || !Files.isRegularFile(file)) {
			throw new NoteNotFoundException(path);
		}
		return file;
	}

	/**
	 * Creates a note, which must not exist yet.
	 * @throws NoteConflictException if it does
	 */
	NoteFile create(NotePath path, String content) {
		return save(path, content, NoteFile.MISSING);
	}

	/**
	 * Saves a note if the file on disk is still at {@code expectedVersion}
	 * ({@link NoteFile#MISSING} for a new note).
	 * @throws NoteConflictException if it is not
	 */
	synchronized NoteFile save(NotePath path, String content, String expectedVersion) {
		byte[] bytes = checkSize(content).getBytes(StandardCharsets.UTF_8);
		NoteFile current = readIfExists(path);
		String currentVersion = (current != null) ? current.version() : NoteFile.MISSING;
		if (!currentVersion.equals(expectedVersion)) {
			throw new NoteConflictException(path, current);
		}
		// Located: a note saved again keeps the name it has on disk, in whichever
		// Unicode form.
		Path file = writable(path);
		try {
			Files.createDirectories(file.getParent());
			AtomicFiles.write(file, bytes, Durability.DURABLE);
		}
		catch (IOException ex) {
			throw new NoteNotSavedException(path, ex);
		}
		return read(path);
	}

	/**
	 * Renames or moves a note; folders are created as needed.
	 * @throws NoteConflictException if the target exists
	 */
	synchronized void rename(NotePath from, NotePath to) {
		Path source = existing(from);
		if (source == null) {
			throw new NoteNotFoundException(from);
		}
		if (from.equals(to)) {
			return;
		}
		Path target = writable(to);
		// A rename(2) would silently replace the target, so an existing one is refused
		// first, also when its name differs only in Unicode form (located).
		if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			throw new NoteConflictException(to, readIfExists(to));
		}
		try {
			Files.createDirectories(target.getParent());
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (NoSuchFileException ex) {
			throw new NoteNotFoundException(from);
		}
		catch (FileAlreadyExistsException ex) {
			throw new NoteConflictException(to, readIfExists(to));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot move note " + from + " to " + to, ex);
		}
	}

	synchronized void delete(NotePath path) {
		Path file = existing(path);
		try {
			if (file == null || !Files.deleteIfExists(file)) {
				throw new NoteNotFoundException(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete note " + path, ex);
		}
	}

	/**
	 * Removes a folder that holds nothing at all.
	 * @throws NoteFolderNotEmptyException if anything is in it, hidden files and images
	 * included
	 */
	synchronized void deleteFolder(NotePath folder) {
		Path dir = (folder.isRoot() || folder.isNote()) ? null : existing(folder);
		if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
			throw new NoteNotFoundException(folder);
		}
		try (Stream<Path> entries = Files.list(dir)) {
			long count = entries.count();
			if (count > 0) {
				throw new NoteFolderNotEmptyException(folder, count);
			}
			Files.delete(dir);
		}
		catch (DirectoryNotEmptyException ex) {
			// Something was written into it between the look and the delete.
			throw new NoteFolderNotEmptyException(folder, 1);
		}
		catch (NoSuchFileException ex) {
			throw new NoteNotFoundException(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove folder " + folder, ex);
		}
	}

	String checkSize(String content) {
		if (content != null && content.length() > this.maxSize.toBytes()
				|| content != null && content.getBytes(StandardCharsets.UTF_8).length > this.maxSize.toBytes()) {
			throw new NoteTooLargeException(this.maxSize);
		}
		return (content != null) ? content : "";
	}

	@Nullable NoteFile readIfExists(NotePath path) {
		Path file = existing(path);
		if (file == null) {
			return null;
		}
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			if (!attributes.isRegularFile()) {
				return null;
			}
			if (attributes.size() > this.maxSize.toBytes()) {
				throw new NoteTooLargeException(this.maxSize);
			}
			return NoteFile.of(path, Files.readAllBytes(file), attributes.lastModifiedTime().toInstant());
		}
		catch (NoSuchFileException ex) {
			// Deleted between the check and the read.
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read note " + path, ex);
		}
	}

	/**
	 * The file of an existing name, or null if there is none. Symbolic links are followed
	 * only while they stay inside the notes folder.
	 */
	@Nullable private Path existing(NotePath path) {
		Path file = locate(path);
		if (!file.startsWith(this.root)) {
			throw new NotePath.InvalidNoteNameException("Invalid note name '" + path + "'");
		}
		try {
			// Checked through the link, but acted on as named: renaming or deleting a
			// link never touches the
			// note it points to.
			return file.toRealPath().startsWith(this.root) ? file : null;
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The path of a name, through the folders and file as they are named on disk when
	 * their names differ only in Unicode form.
	 */
	private Path locate(NotePath path) {
		return path.isRoot() ? this.root : NormalizedNames.locate(this.root, path.value()).normalize();
	}

	/**
	 * Where a note may be written: inside the notes folder, through no link leading
	 * outside, and never over a symbolic link (a move would replace the link, not what it
	 * points to).
	 */
	private Path writable(NotePath path) {
		Path file = locate(path);
		if (!file.startsWith(this.root)) {
			throw new NotePath.InvalidNoteNameException("Invalid note name '" + path + "'");
		}
		Path folder = file.getParent();
		// The nearest existing ancestor decides: a folder that is a link to elsewhere is
		// refused.
		Path existingAncestor = folder;
		while (existingAncestor != null && !Files.exists(existingAncestor)) {
			existingAncestor = existingAncestor.getParent();
		}
		try {
			if (existingAncestor == null || !existingAncestor.toRealPath().startsWith(this.root)
					|| Files.isSymbolicLink(file)) {
				throw new NotePath.InvalidNoteNameException(
						"Invalid note name '" + path + "': outside the notes folder");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

}
