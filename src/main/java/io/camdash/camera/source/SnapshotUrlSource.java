package io.camdash.camera.source;

import java.io.IOException;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/**
 * A camera that offers one JPEG or PNG image per request (the snapshot URL of many cheap
 * IP cameras): fetched once per frame at the camera's fps and decoded with OpenCV. The
 * capture thread waits for each answer before asking again, so requests never pile up on
 * a slow camera.
 */
final class SnapshotUrlSource implements FrameSource {

	private final SnapshotFetcher fetcher;

	private final long intervalNanos;

	private @Nullable Mat frame;

	SnapshotUrlSource(SourceSettings settings) {
		this.fetcher = new SnapshotFetcher(settings.source().location(),
				(int) Math.min(Integer.MAX_VALUE, settings.stallTimeout().toMillis()));
		this.intervalNanos = 1_000_000_000L / settings.fps();
	}

	@Override
	public void open() {
		// Nothing to open: each frame is a request of its own.
	}

	@Override
	public Mat grab() throws IOException {
		this.fetcher.fetch();
		Mat decoded = decode(this.fetcher.body(), this.fetcher.length());
		if (decoded == null) {
			String type = this.fetcher.contentType();
			throw new IOException(
					"the camera's answer is not a JPEG or PNG image" + ((type != null) ? " (" + type + ")" : ""));
		}
		if (this.frame != null) {
			this.frame.close();
		}
		this.frame = decoded;
		return decoded;
	}

	/** The image in the bytes, or null when they hold none OpenCV can decode. */
	private static @Nullable Mat decode(byte[] bytes, int length) {
		if (length == 0) {
			return null;
		}
		try (BytePointer data = new BytePointer(length); Mat encoded = new Mat(1, length, CV_8UC1, data)) {
			data.put(bytes, 0, length);
			Mat decoded = imdecode(encoded, IMREAD_COLOR);
			if (decoded.empty()) {
				decoded.close();
				return null;
			}
			return decoded;
		}
		catch (RuntimeException ex) {
			// OpenCV throws on some damaged images rather than returning an empty one.
			return null;
		}
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
