package io.camdash.motion;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.camdash.camera.CameraId;
import io.camdash.pictures.PicturesProperties;
import io.camdash.storage.AtomicFiles;
import io.camdash.storage.AtomicFiles.Durability;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The files of motion events, kept in the pictures folder next to the photos, so the
 * folder stays the truth: {@code <camera>/<yyyy-MM-dd>/<id>.jpg} (the motion picture,
 * which the gallery shows), {@code <id>.mp4} (the clip) and {@code <id>.json} (the
 * event's record), where {@code id} is {@code <camera>_<yyyyMMdd-HHmmss-SSS>-motion}.
 * Every file is written to a hidden temporary file and moved into place. Names are
 * checked against a strict pattern before the disk is touched.
 * <p>
 * Longer than most classes: every path of an event's files is made and checked here, so
 * no other class resolves a name under the pictures folder.
 */
@Component
class EventFiles {

	private static final Logger log = LoggerFactory.getLogger(EventFiles.class);

	static final String SUFFIX = "-motion";

	/** An event id: the camera, the start time, and the motion mark. */
	static final Pattern ID = Pattern.compile("(" + CameraId.PATTERN + ")_(\\d{8}-\\d{6}-\\d{3})" + SUFFIX);

	static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	private final Path root;

	private final ZoneId zone = ZoneId.systemDefault();

	private final JsonMapper json;

	EventFiles(PicturesProperties pictures, JsonMapper json) throws IOException {
		Path folder = pictures.folder().toAbsolutePath().normalize();
		Files.createDirectories(folder);
		this.root = folder.toRealPath();
		this.json = json;
	}

	Path root() {
		return this.root;
	}

	ZoneId zone() {
		return this.zone;
	}

	String id(String camera, Instant start) {
		return camera + "_" + NAME_TIME.format(LocalDateTime.ofInstant(start, this.zone)) + SUFFIX;
	}

	LocalDate day(Instant time) {
		return LocalDate.ofInstant(time, this.zone);
	}

	/** The event's folder, relative to the pictures folder. */
	String relativeFolder(MotionEvent event) {
		return event.camera() + "/" + day(event.start());
	}

	/** Where the event's clip goes (the folder is created). */
	Path clipFile(MotionEvent event) throws IOException {
		Path folder = this.root.resolve(relativeFolder(event));
		Files.createDirectories(folder);
		return folder.resolve(event.id() + ".mp4");
	}

	String relative(Path file) {
		return this.root.relativize(file).toString().replace('\\', '/');
	}

	/** Saves the motion picture; returns its name relative to the pictures folder. */
	String savePicture(MotionEvent event, byte[] jpeg) throws IOException {
		String name = relativeFolder(event) + "/" + event.id() + ".jpg";
		writeAtomically(this.root.resolve(name), jpeg);
		return name;
	}

	/** Saves (or replaces) the event's record. */
	void saveRecord(MotionEvent event) throws IOException {
		byte[] bytes;
		try {
			bytes = this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(event);
		}
		catch (JacksonException ex) {
			throw new IOException("Cannot write the record of " + event.id(), ex);
		}
		writeAtomically(this.root.resolve(relativeFolder(event) + "/" + event.id() + ".json"), bytes);
	}

	/**
	 * Writes a file so that it is either whole or absent, synced to the disk
	 * ({@link AtomicFiles}).
	 */
	static void writeAtomically(Path target, byte[] bytes) throws IOException {
		Files.createDirectories(target.getParent());
		AtomicFiles.write(target, bytes, Durability.DURABLE);
	}

	/** The events of one day, newest first, of one camera or all (empty). */
	List<MotionEvent> day(LocalDate day, String camera) {
		List<MotionEvent> events = new ArrayList<>();
		for (String id : cameras()) {
			if (!camera.isEmpty() && !camera.equals(id)) {
				continue;
			}
			Path folder = this.root.resolve(id).resolve(day.toString());
			if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
				continue;
			}
			try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX + ".json")) {
				for (Path file : files) {
					read(file).ifPresent(events::add);
				}
			}
			catch (IOException ex) {
				log.debug("Cannot list {}: {}", folder, ex.toString());
			}
		}
		events.sort(Comparator.comparing(MotionEvent::start).reversed());
		return events;
	}

	/** Days that have events of one camera or all, newest first. */
	List<LocalDate> days(String camera) {
		TreeSet<LocalDate> days = new TreeSet<>(Comparator.reverseOrder());
		for (String id : cameras()) {
			if (!camera.isEmpty() && !camera.equals(id)) {
				continue;
			}
			try (DirectoryStream<Path> folders = Files.newDirectoryStream(this.root.resolve(id))) {
				for (Path folder : folders) {
					LocalDate day = parseDay(folder.getFileName().toString());
					if (day != null && hasEvents(folder)) {
						days.add(day);
					}
				}
			}
			catch (IOException ex) {
				log.debug("Cannot list {}: {}", id, ex.toString());
			}
		}
		return List.copyOf(days);
	}

	/** One event by its id; empty if it is not (or no longer) there. */
	Optional<MotionEvent> find(String id) {
		Optional<Path> folder = folderOf(id);
		return folder.flatMap((f) -> read(f.resolve(id + ".json")));
	}

	/**
	 * The event's clip, if it has one: a regular file inside the pictures folder, no
	 * symlink.
	 */
	Optional<Path> clip(String id) {
		return folderOf(id).map((folder) -> folder.resolve(id + ".mp4"))
			.filter((file) -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS));
	}

	/** Removes an event's picture, clip and record; false if none of them was there. */
	boolean delete(String id) throws IOException {
		Optional<Path> folder = folderOf(id);
		if (folder.isEmpty()) {
			return false;
		}
		boolean any = false;
		for (String extension : List.of(".mp4", ".jpg", ".json")) {
			any |= Files.deleteIfExists(folder.get().resolve(id + extension));
		}
		return any;
	}

	/**
	 * The name of an event's picture relative to the pictures folder, from its id alone;
	 * null for a bad id.
	 */
	@Nullable String pictureName(String id) {
		var matcher = ID.matcher(id);
		if (!matcher.matches()) {
			return null;
		}
		try {
			LocalDate day = LocalDateTime.parse(matcher.group(2), NAME_TIME).toLocalDate();
			return matcher.group(1) + "/" + day + "/" + id + ".jpg";
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The folder an event's files are in, from its id alone; empty for a bad id. */
	private Optional<Path> folderOf(String id) {
		var matcher = ID.matcher(id);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		LocalDate day;
		try {
			day = LocalDateTime.parse(matcher.group(2), NAME_TIME).toLocalDate();
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
		Path folder = this.root.resolve(matcher.group(1)).resolve(day.toString()).normalize();
		if (!folder.startsWith(this.root) || Files.isSymbolicLink(folder) || Files.isSymbolicLink(folder.getParent())) {
			return Optional.empty();
		}
		return Optional.of(folder);
	}

	/** Camera folders in the pictures folder. */
	List<String> cameras() {
		List<String> cameras = new ArrayList<>();
		try (DirectoryStream<Path> folders = Files.newDirectoryStream(this.root)) {
			for (Path folder : folders) {
				String name = folder.getFileName().toString();
				if (CameraId.isValid(name) && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
					cameras.add(name);
				}
			}
		}
		catch (IOException ex) {
			log.debug("Cannot list {}: {}", this.root, ex.toString());
		}
		cameras.sort(null);
		return cameras;
	}

	private static boolean hasEvents(Path folder) {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX + ".json")) {
			return files.iterator().hasNext();
		}
		catch (IOException ex) {
			return false;
		}
	}

	static @Nullable LocalDate parseDay(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private Optional<MotionEvent> read(Path file) {
		try {
			if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
				return Optional.empty();
			}
			MotionEvent event = this.json.readValue(Files.readAllBytes(file), MotionEvent.class);
			// A record edited by hand to point elsewhere is ignored.
			if (!ID.matcher(event.id()).matches() || !file.getFileName().toString().equals(event.id() + ".json")) {
				return Optional.empty();
			}
			return Optional.of(event);
		}
		catch (IOException | JacksonException ex) {
			// Vanished or not ours: not listed.
			log.debug("Skipping {}: {}", file, ex.toString());
			return Optional.empty();
		}
	}

}
