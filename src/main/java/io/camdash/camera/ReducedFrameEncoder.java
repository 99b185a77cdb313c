package io.camdash.camera;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Encodes the smaller frame for viewers that cannot keep up: half the width and height,
 * at most {@code maxWidth} wide, at a lower JPEG quality. It runs on the capture thread,
 * where the raw image is at hand: scaling it down costs well under a millisecond at 720p,
 * where decoding the full JPEG anywhere else would cost more than the whole reduced
 * encode. One per capture thread; close it when done.
 */
final class ReducedFrameEncoder implements AutoCloseable {

	private final int maxWidth;

	private final JpegEncoder encoder;

	private final Mat scaled = new Mat();

	ReducedFrameEncoder(int maxWidth, int quality) {
		this.maxWidth = maxWidth;
		this.encoder = new JpegEncoder(quality);
	}

	byte[] encode(Mat image) {
		try (Size size = reducedSize(image.cols(), image.rows(), this.maxWidth)) {
			resize(image, this.scaled, size, 0, 0, INTER_AREA);
		}
		return this.encoder.encode(this.scaled);
	}

	/**
	 * Half of each side, then fitted within {@code maxWidth}, keeping the aspect ratio.
	 */
	static Size reducedSize(int width, int height, int maxWidth) {
		double scale = Math.min(0.5, (double) maxWidth / width);
		return new Size(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
	}

	@Override
	public void close() {
		this.encoder.close();
		this.scaled.close();
	}

}
