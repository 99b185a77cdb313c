package io.camdash.pictures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camdash.storage.AtomicFiles;
import io.camdash.storage.AtomicFiles.Durability;
import io.camdash.storage.NormalizedNames;
import io.camdash.storage.WriteProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pictures folder: saves new pictures atomically, walks the folder, and opens or
 * deletes one picture by its {@link PictureName}, never anything outside the folder. The
 * folder is the truth: anything here may appear or vanish between two calls, by hand or
 * otherwise.
 * <p>
 * Longer than most classes: every path of a picture is made and checked here (saving,
 * walking, finding, opening, deleting: inside the folder, real path, no symbolic links),
 * so no other class resolves a name under the pictures folder.
 */
@Component
class PictureStore {

	private static final Logger log = LoggerFactory.getLogger(PictureStore.class);

	private final Path root;

	private final ZoneId zone = ZoneId.systemDefault();

	/**
	 * Guards choosing a free name and moving the picture there, so two saves never pick
	 * the same.
	 */
	private final Object naming = new Object();

	PictureStore(PicturesProperties properties) throws IOException {
		Path folder = properties.folder().toAbsolutePath().normalize();
		Files.createDirectories(folder);
		// Real path: every name resolves under it, so a symlinked folder cannot be
		// escaped by comparing names.
		this.root = folder.toRealPath();
		log.info("Pictures in {}", this.root);
		AtomicFiles.removeLeftovers(this.root, PictureName.MAX_DEPTH);
	}

	ZoneId zone() {
		return this.zone;
	}

	/**
	 * Saves a camera's JPEG as
	 * {@code <camera>/<yyyy-MM-dd>/<camera>_<yyyyMMdd-HHmmss-SSS>.jpg}, adding
	 * {@code -2}, {@code -3}... when that name is taken (two pictures of the same frame
	 * or millisecond).
	 */
	Picture save(String camera, byte[] jpeg, Instant takenAt) {
		LocalDateTime local = LocalDateTime.ofInstant(takenAt, this.zone);
		String base = camera + "_" + Picture.NAME_TIME.format(local);
		String relativeFolder = camera + "/" + Picture.DAY_FOLDER.format(local);
		PictureName probe = new PictureName(relativeFolder + "/" + base + ".jpg");
		Path folder = this.root.resolve(relativeFolder);
		try {
			Files.createDirectories(folder);
			// Hidden and .tmp: never a picture name, so a half-written file is never
			// listed.
			Path temp = AtomicFiles.writeTemp(folder, base, jpeg, Durability.DURABLE);
			try {
				return moveToFreeName(temp, probe, relativeFolder, base);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new PictureNotSavedException(ex);
		}
	}

	private Picture moveToFreeName(Path temp, PictureName probe, String relativeFolder, String base)
			throws IOException {
		synchronized (this.naming) {
			PictureName name = probe;
			for (int n = 2; Files.exists(this.root.resolve(name.value()), LinkOption.NOFOLLOW_LINKS); n++) {
				name = new PictureName(relativeFolder + "/" + base + "-" + n + ".jpg");
			}
			Path target = this.root.resolve(name.value());
			AtomicFiles.moveIntoPlace(temp, target, false, Durability.DURABLE);
			BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
			return Picture.of(name, attributes.size(), attributes.lastModifiedTime().toMillis(), this.zone);
		}
	}

	/**
	 * Every picture in the folder (symlinks and non-picture files left out), with the
	 * folders walked.
	 */
	Listing list() {
		List<Picture> pictures = new ArrayList<>();
		Map<Path, Long> folders = new LinkedHashMap<>();
		try {
			Files.walkFileTree(this.root, EnumSet.noneOf(FileVisitOption.class), PictureName.MAX_DEPTH,
					new SimpleFileVisitor<>() {

						@Override
						public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
							if (!dir.equals(PictureStore.this.root) && dir.getFileName().toString().startsWith(".")) {
								return FileVisitResult.SKIP_SUBTREE;
							}
							folders.put(dir, attributes.lastModifiedTime().toMillis());
							return FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
							String fileName = file.getFileName().toString();
							if (attributes.isRegularFile() && PictureName.isPictureFile(fileName)) {
								String relative = PictureStore.this.root.relativize(file).toString();
								if (PictureName.isValid(relative)) {
									pictures.add(Picture.of(new PictureName(relative), attributes.size(),
											attributes.lastModifiedTime().toMillis(), PictureStore.this.zone));
								}
							}
							return FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFileFailed(Path file, IOException ex) {
							// Vanished or unreadable while walking: simply not listed.
							log.debug("Skipping {}: {}", file, ex.toString());
							return FileVisitResult.CONTINUE;
						}

					});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list pictures in " + this.root, ex);
		}
		return new Listing(pictures, folders);
	}

	/**
	 * Whether the folders of a listing are unchanged: a file added, removed or renamed
	 * changes its folder's modified time, so this checks a few folders instead of walking
	 * every file.
	 */
	boolean unchanged(Listing listing) {
		for (Map.Entry<Path, Long> folder : listing.folders().entrySet()) {
			try {
				BasicFileAttributes attributes = Files.readAttributes(folder.getKey(), BasicFileAttributes.class,
						LinkOption.NOFOLLOW_LINKS);
				if (attributes.lastModifiedTime().toMillis() != folder.getValue()) {
					return false;
				}
			}
			catch (IOException ex) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The picture's file and attributes now, or 404 if it is not a plain file inside the
	 * folder.
	 */
	Found find(PictureName name) {
		// Located: the folders and file as named on disk, should their Unicode form
		// differ.
		Path file = NormalizedNames.locate(this.root, name.value()).normalize();
		if (!file.startsWith(this.root)) {
			throw new PictureNotFoundException(name);
		}
		try {
			// No symlinks at all: the real path must be the path itself, so nothing
			// outside is ever reached.
			Path real = file.toRealPath();
			if (!real.equals(file) || !real.startsWith(this.root)) {
				throw new PictureNotFoundException(name);
			}
			BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			if (!attributes.isRegularFile()) {
				throw new PictureNotFoundException(name);
			}
			return new Found(Picture.of(name, attributes.size(), attributes.lastModifiedTime().toMillis(), this.zone),
					real);
		}
		catch (IOException ex) {
			throw new PictureNotFoundException(name);
		}
	}

	/**
	 * Opens a picture for reading; 404 if it is gone, even if it vanished since it was
	 * found.
	 */
	InputStream open(Found found) {
		try {
			return Files.newInputStream(found.file(), LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException ex) {
			throw new PictureNotFoundException(found.picture().name());
		}
		catch (IOException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Cannot read picture " + found.picture().name(),
					ex);
		}
	}

	/**
	 * Deletes a picture; false if it was already gone (or was never one we may touch).
	 */
	boolean delete(PictureName name) throws IOException {
		Found found;
		try {
			found = find(name);
		}
		catch (PictureNotFoundException ex) {
			return false;
		}
		// Empty folders stay: removing them could race with a picture being saved into
		// them.
		return Files.deleteIfExists(found.file());
	}

	/**
	 * A walk of the folder.
	 *
	 * @param pictures the pictures found, in no particular order
	 * @param folders each folder walked and its modified time
	 */
	record Listing(List<Picture> pictures, Map<Path, Long> folders) {

	}

	/**
	 * A picture that exists right now.
	 *
	 * @param picture what is known of it
	 * @param file its real path, inside the pictures folder
	 */
	record Found(Picture picture, Path file) {

	}

	/**
	 * A photo that could not be written: 507 when the disk is full, 503 otherwise, said
	 * in words.
	 */
	static class PictureNotSavedException extends ResponseStatusException {

		PictureNotSavedException(IOException cause) {
			super((WriteProblem.of(cause) == WriteProblem.DISK_FULL) ? HttpStatus.INSUFFICIENT_STORAGE
					: HttpStatus.SERVICE_UNAVAILABLE,
					"The photo was not saved: " + WriteProblem.describe(cause, "the pictures folder") + ".");
		}

	}

	/** No such picture (or one that must not be reached): 404. */
	static class PictureNotFoundException extends ResponseStatusException {

		PictureNotFoundException(PictureName name) {
			super(HttpStatus.NOT_FOUND, "No picture " + name);
		}

	}

}
