package io.camdash.camera;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * Encodes BGR images to JPEG bytes with OpenCV. Not thread-safe: one per capture thread
 * (or per thumbnail); close it when done.
 */
public final class JpegEncoder implements AutoCloseable {

	private final IntPointer params;

	public JpegEncoder(int quality) {
		this.params = new IntPointer(IMWRITE_JPEG_QUALITY, quality);
	}

	public byte[] encode(Mat image) {
		try (BytePointer buffer = new BytePointer()) {
			if (!imencode(".jpg", image, buffer, this.params)) {
				throw new IllegalStateException(
						"OpenCV could not encode a " + image.cols() + "x" + image.rows() + " frame");
			}
			byte[] jpeg = new byte[(int) buffer.limit()];
			buffer.get(jpeg);
			return jpeg;
		}
	}

	@Override
	public void close() {
		this.params.close();
	}

}
