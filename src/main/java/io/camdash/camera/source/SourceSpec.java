package io.camdash.camera.source;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a camera's frames come from, parsed from the {@code source} property. Checked at
 * start-up so a typo fails fast with the value named, rather than as NO SIGNAL later.
 *
 * @param kind the kind of source
 * @param location device index or path, file or folder path, URL (for a snapshot source,
 * without its {@code snapshot:} prefix), or the index of a Raspberry Pi camera module;
 * empty for the test pattern
 */
public record SourceSpec(Kind kind, String location) {

	/** The kinds of frame source camdash can read. */
	public enum Kind {

		TEST_PATTERN, DEVICE, FILE, FOLDER, NETWORK,

		/**
		 * An http(s) URL answering with one JPEG or PNG image, polled at the camera's
		 * fps.
		 */
		SNAPSHOT,

		/**
		 * A Raspberry Pi camera module, read through the system's {@code rpicam-vid}
		 * (libcamera).
		 */
		PI_CAMERA

	}

	public static final SourceSpec TEST_PATTERN = new SourceSpec(Kind.TEST_PATTERN, "");

	private static final String SNAPSHOT_PREFIX = "snapshot:";

	private static final String PI_CAMERA_PREFIX = "picamera:";

	/** Parses a source value; used by Spring's conversion when binding properties. */
	public static SourceSpec of(String value) {
		String text = (value != null) ? value.strip() : "";
		String lower = text.toLowerCase(Locale.ROOT);
		if (lower.equals("test-pattern")) {
			return TEST_PATTERN;
		}
		if (lower.startsWith("device:")) {
			return device(text.substring("device:".length()));
		}
		if (lower.startsWith("file:")) {
			return file(text.substring("file:".length()));
		}
		if (lower.startsWith("folder:")) {
			return folder(text.substring("folder:".length()));
		}
		if (lower.startsWith(SNAPSHOT_PREFIX)) {
			return snapshot(text.substring(SNAPSHOT_PREFIX.length()));
		}
		if (lower.startsWith(PI_CAMERA_PREFIX)) {
			return piCamera(text.substring(PI_CAMERA_PREFIX.length()));
		}
		if (lower.startsWith("rtsp://") || lower.startsWith("rtsps://") || lower.startsWith("rtmp://")
				|| lower.startsWith("rtmps://") || lower.startsWith("http://") || lower.startsWith("https://")) {
			return network(text);
		}
		throw new IllegalArgumentException("unknown camera source '" + text
				+ "': use test-pattern, device:<index>, file:<path>, folder:<path>, rtsp://..., rtmp://..., "
				+ "http(s)://..., snapshot:http(s)://... or picamera:<index>");
	}

	private static SourceSpec device(String device) {
		if (device.matches("\\d{1,3}") || device.matches("/dev/video\\d{1,3}")) {
			return new SourceSpec(Kind.DEVICE, device);
		}
		throw new IllegalArgumentException("device source 'device:" + device
				+ "' must be an index such as device:0 or a path such as device:/dev/video0");
	}

	private static SourceSpec piCamera(String index) {
		if (index.matches("\\d{1,2}")) {
			return new SourceSpec(Kind.PI_CAMERA, Integer.toString(Integer.parseInt(index)));
		}
		throw new IllegalArgumentException("camera module source '" + PI_CAMERA_PREFIX + index
				+ "' must be the index of a Raspberry Pi camera such as picamera:0 (rpicam-vid --list-cameras)");
	}

	private static SourceSpec file(String file) {
		Path path = Path.of(file).toAbsolutePath().normalize();
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new IllegalArgumentException("video file '" + file + "' does not exist or is not a readable file");
		}
		return new SourceSpec(Kind.FILE, path.toString());
	}

	private static SourceSpec folder(String folder) {
		Path path = Path.of(folder).toAbsolutePath().normalize();
		if (!Files.isDirectory(path)) {
			throw new IllegalArgumentException("image folder '" + folder + "' does not exist or is not a folder");
		}
		try (DirectoryStream<Path> images = Files.newDirectoryStream(path, FolderSource::isImage)) {
			if (!images.iterator().hasNext()) {
				throw new IllegalArgumentException("image folder '" + folder + "' holds no .jpg, .jpeg or .png images");
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("image folder '" + folder + "' cannot be read: " + ex.getMessage());
		}
		return new SourceSpec(Kind.FOLDER, path.toString());
	}

	private static SourceSpec snapshot(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
			throw new IllegalArgumentException("snapshot source '" + SNAPSHOT_PREFIX + SourceUrls.masked(url)
					+ "' must be an http:// or https:// URL of a JPEG or PNG image");
		}
		return new SourceSpec(Kind.SNAPSHOT, network(url).location());
	}

	private static SourceSpec network(String url) {
		try {
			URI uri = new URI(url);
			if (uri.getHost() == null) {
				throw new IllegalArgumentException("camera URL '" + SourceUrls.masked(url) + "' has no host");
			}
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(
					"camera URL '" + SourceUrls.masked(url) + "' is not a valid URL: " + ex.getReason());
		}
		return new SourceSpec(Kind.NETWORK, url);
	}

	/** Whether FFmpeg decodes this source (its natives are then loaded at start-up). */
	public boolean usesFfmpeg() {
		return this.kind == Kind.FILE || this.kind == Kind.NETWORK;
	}

	/**
	 * The value without credentials (user info and every query value masked), for ADMINs
	 * and logs.
	 */
	public String describe() {
		return switch (this.kind) {
			case TEST_PATTERN -> "test-pattern";
			case DEVICE -> "device:" + this.location;
			case FILE -> "file:" + this.location;
			case FOLDER -> "folder:" + this.location;
			case NETWORK -> SourceUrls.masked(this.location);
			case SNAPSHOT -> SNAPSHOT_PREFIX + SourceUrls.masked(this.location);
			case PI_CAMERA -> PI_CAMERA_PREFIX + this.location;
		};
	}

	/** The value as VIEWERs may see it: a URL without user info or query. */
	public String describeForViewers() {
		return switch (this.kind) {
			case NETWORK -> SourceUrls.forViewers(this.location);
			case SNAPSHOT -> SNAPSHOT_PREFIX + SourceUrls.forViewers(this.location);
			default -> describe();
		};
	}

	@Override
	public String toString() {
		return describe();
	}

}
