package io.camdash.camera;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/**
 * Tells a NO SIGNAL card (flat grey with some text) from a test-pattern frame (bars and
 * shapes).
 */
final class FrameKinds {

	private FrameKinds() {
	}

	static boolean isNoSignal(byte[] jpeg) {
		try (BytePointer bytes = new BytePointer(jpeg);
				Mat encoded = new Mat(bytes);
				Mat grey = imdecode(encoded, IMREAD_GRAYSCALE);
				Mat mean = new Mat();
				Mat deviation = new Mat()) {
			meanStdDev(grey, mean, deviation);
			double mu = mean.createIndexer().getDouble(0);
			double sigma = deviation.createIndexer().getDouble(0);
			return mu > 35 && mu < 75 && sigma < 35;
		}
	}

}
