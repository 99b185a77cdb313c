package io.camdash.camera.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * The images of a folder in name order at the camera's frame rate, looped: an emulated
 * camera. The folder is listed again at each loop so images added or removed by hand are
 * picked up.
 */
final class FolderSource implements FrameSource {

	private static final Logger log = LoggerFactory.getLogger(FolderSource.class);

	private final Path folder;

	private final long intervalNanos;

	private List<Path> images = List.of();

	private int next;

	private Mat frame;

	FolderSource(SourceSettings settings) {
		this.folder = Path.of(settings.source().location());
		this.intervalNanos = 1_000_000_000L / settings.fps();
	}

	static boolean isImage(Path path) {
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		return (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png")) && Files.isRegularFile(path);
	}

	@Override
	public void open() throws IOException {
		relist();
	}

	private void relist() throws IOException {
		try (Stream<Path> files = Files.list(this.folder)) {
			this.images = files.filter(FolderSource::isImage).sorted().toList();
		}
		catch (IOException ex) {
			throw new IOException("cannot list image folder " + this.folder + ": " + ex.getMessage(), ex);
		}
		if (this.images.isEmpty()) {
			throw new IOException("image folder " + this.folder + " holds no .jpg, .jpeg or .png images");
		}
		this.next = 0;
	}

	@Override
	public Mat grab() throws IOException {
		List<Path> unreadable = new ArrayList<>();
		while (unreadable.size() < this.images.size()) {
			if (this.next >= this.images.size()) {
				relist();
				unreadable.clear();
			}
			Path image = this.images.get(this.next++);
			Mat decoded = imread(image.toString(), IMREAD_COLOR);
			if (!decoded.empty()) {
				if (this.frame != null) {
					this.frame.close();
				}
				this.frame = decoded;
				return decoded;
			}
			decoded.close();
			if (!unreadable.contains(image)) {
				log.debug("Skipping unreadable image {}", image);
				unreadable.add(image);
			}
		}
		throw new IOException("no image in " + this.folder + " can be read");
	}

	@Override
	public long frameIntervalNanos() {
		return this.intervalNanos;
	}

	@Override
	public void close() {
		if (this.frame != null) {
			this.frame.close();
		}
	}

}
