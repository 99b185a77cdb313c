package io.camdash.motion;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Turns a camera's JPEG into the small greyscale copy the detector works on, between
 * {@link #MIN_HEIGHT} and {@link #MAX_HEIGHT} pixels high. The JPEG decoder scales by 2,
 * 4 or 8 while decoding (it skips most of the inverse DCT), so a 720p frame becomes
 * 160×90 for about a tenth of the cost of a full decode; that is why detection reads the
 * shared JPEG rather than asking the capture thread for a copy of the raw image.
 */
final class GreyscaleDecoder {

	static final int MIN_HEIGHT = 90;

	static final int MAX_HEIGHT = 180;

	private GreyscaleDecoder() {
	}

	/**
	 * The small copy, or null if the JPEG cannot be decoded; the caller closes it.
	 * @param jpeg the frame
	 * @param height the frame's height, which chooses the scale
	 */
	static Mat decode(byte[] jpeg, int height) {
		int mode = IMREAD_GRAYSCALE;
		if (height / 8 >= MIN_HEIGHT) {
			mode = IMREAD_REDUCED_GRAYSCALE_8;
		}
		else if (height / 4 >= MIN_HEIGHT) {
			mode = IMREAD_REDUCED_GRAYSCALE_4;
		}
		else if (height / 2 >= MIN_HEIGHT) {
			mode = IMREAD_REDUCED_GRAYSCALE_2;
		}
		Mat grey;
		try (BytePointer data = new BytePointer(jpeg); Mat encoded = new Mat(1, jpeg.length, CV_8UC1, data)) {
			grey = imdecode(encoded, mode);
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (grey == null || grey.empty()) {
			return null;
		}
		if (grey.rows() <= MAX_HEIGHT) {
			return grey;
		}
		// Very large frames (4K and up): scale the rest of the way.
		int rows = MAX_HEIGHT;
		int cols = Math.max(1, (int) Math.round((double) grey.cols() * rows / grey.rows()));
		try (Mat full = grey; Size size = new Size(cols, rows)) {
			Mat small = new Mat();
			resize(full, small, size, 0, 0, INTER_AREA);
			return small;
		}
	}

}
