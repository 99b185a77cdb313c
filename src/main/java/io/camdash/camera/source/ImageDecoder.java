package io.camdash.camera.source;

import java.io.IOException;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/**
 * Decodes JPEG or PNG bytes to a BGR image with OpenCV, keeping the last image until the
 * next decode. One per source: not thread-safe.
 */
final class ImageDecoder implements AutoCloseable {

	private @Nullable Mat image;

	/** The image in the bytes; it stays valid until the next call. */
	Mat decode(byte[] bytes, int length, String what) throws IOException {
		Mat decoded = decodeOrNull(bytes, length);
		if (decoded == null) {
			throw new IOException(what);
		}
		if (this.image != null) {
			this.image.close();
		}
		this.image = decoded;
		return decoded;
	}

	private static @Nullable Mat decodeOrNull(byte[] bytes, int length) {
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
	public void close() {
		if (this.image != null) {
			this.image.close();
			this.image = null;
		}
	}

}
