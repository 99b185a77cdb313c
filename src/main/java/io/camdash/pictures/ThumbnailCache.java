package io.camdash.pictures;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.IntStream;

import io.camdash.camera.JpegEncoder;
import io.camdash.camera.NativeLibraries;
import io.camdash.storage.AtomicFiles;
import io.camdash.storage.AtomicFiles.Durability;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Thumbnails made once with OpenCV and kept in a cache folder outside the pictures
 * folder. A cached file is named after the picture's size and modified time, so a picture
 * changed in place gets a new thumbnail and the stale one is removed. A picture OpenCV
 * cannot decode is remembered as such (a placeholder).
 */
@Component
class ThumbnailCache {

	private final Object[] locks = IntStream.range(0, 64).mapToObj((i) -> new Object()).toArray();

	private static final Logger log = LoggerFactory.getLogger(ThumbnailCache.class);

	static final int JPEG_QUALITY = 80;

	/**
	 * Larger files are not decoded for a thumbnail: a placeholder is cheaper than running
	 * out of memory.
	 */
	static final long MAX_SOURCE_BYTES = 64L * 1024 * 1024;

	private static final String THUMBNAIL = ".jpg";

	private static final String UNREADABLE = ".unreadable";

	private final Path root;

	private final int width;

	ThumbnailCache(PicturesProperties properties) throws IOException {
		Path folder = properties.thumbnailCache().toAbsolutePath().normalize();
		Files.createDirectories(folder);
		this.root = folder.toRealPath();
		AtomicFiles.removeLeftovers(this.root, 8);
		this.width = properties.thumbnailWidth();
	}

	/**
	 * The thumbnail of a picture, made now if missing or stale; null when the picture
	 * cannot be decoded (show a placeholder). A picture that vanished meanwhile gives a
	 * {@link NoSuchFileException}.
	 */
	Path thumbnail(PictureStore.Found found) throws IOException {
		// Two requests for the same new thumbnail: the second waits and finds the first
		// one's file.
		synchronized (this.locks[Math.floorMod(found.picture().name().value().hashCode(), this.locks.length)]) {
			return thumbnailLocked(found);
		}
	}

	private Path thumbnailLocked(PictureStore.Found found) throws IOException {
		Picture picture = found.picture();
		String version = picture.name().fileName() + "@" + picture.size() + "-" + picture.modifiedMillis();
		Path folder = folderOf(picture.name());
		Path thumbnail = folder.resolve(version + THUMBNAIL);
		if (Files.isRegularFile(thumbnail)) {
			return thumbnail;
		}
		Path unreadable = folder.resolve(version + UNREADABLE);
		if (Files.exists(unreadable)) {
			return null;
		}
		byte[] jpeg = (picture.size() <= MAX_SOURCE_BYTES) ? scaleDown(Files.readAllBytes(found.file())) : null;
		Files.createDirectories(folder);
		remove(picture.name());
		if (jpeg == null) {
			log.debug("Cannot decode picture {}: a placeholder stands in for it", picture.name());
			writeAtomically(unreadable, new byte[0]);
			return null;
		}
		writeAtomically(thumbnail, jpeg);
		return thumbnail;
	}

	/** Removes every cached version of a picture's thumbnail. */
	void remove(PictureName name) throws IOException {
		Path folder = folderOf(name);
		if (!Files.isDirectory(folder)) {
			return;
		}
		// '@' never occurs in a picture name, so this matches this picture's versions
		// only.
		try (DirectoryStream<Path> versions = Files.newDirectoryStream(folder, name.fileName() + "@*")) {
			for (Path version : versions) {
				Files.deleteIfExists(version);
			}
		}
	}

	private Path folderOf(PictureName name) {
		Path file = this.root.resolve(name.value()).normalize();
		if (!file.startsWith(this.root)) {
			throw new IllegalArgumentException("Thumbnail outside the cache: " + name);
		}
		return file.getParent();
	}

	/**
	 * The image scaled to fit the thumbnail width, as JPEG; null if OpenCV cannot decode
	 * it.
	 */
	private byte[] scaleDown(byte[] source) {
		if (source.length == 0) {
			return null;
		}
		NativeLibraries.load(false);
		try (BytePointer data = new BytePointer(source);
				Mat encoded = new Mat(1, source.length, CV_8UC1, data);
				Mat image = imdecode(encoded, IMREAD_COLOR)) {
			if (image == null || image.empty()) {
				return null;
			}
			double scale = Math.min(1.0, (double) this.width / Math.max(image.cols(), image.rows()));
			int thumbWidth = Math.max(1, (int) Math.round(image.cols() * scale));
			int thumbHeight = Math.max(1, (int) Math.round(image.rows() * scale));
			try (Mat small = new Mat();
					Size size = new Size(thumbWidth, thumbHeight);
					JpegEncoder encoder = new JpegEncoder(JPEG_QUALITY)) {
				resize(image, small, size, 0, 0, INTER_AREA);
				return encoder.encode(small);
			}
		}
		catch (RuntimeException ex) {
			// OpenCV throws on some malformed files instead of returning an empty image
			// (and
			// the encoder on an image it cannot encode).
			log.debug("OpenCV failed to decode a picture: {}", ex.toString());
			return null;
		}
	}

	private static void writeAtomically(Path target, byte[] content) throws IOException {
		// A thumbnail can be made again: atomic, but not worth a sync.
		AtomicFiles.write(target, content, Durability.CACHE);
	}

}
