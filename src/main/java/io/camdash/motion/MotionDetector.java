package io.camdash.motion;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.accumulateWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.contourArea;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

/**
 * Finds moving regions in a camera's small greyscale frames: blur, difference against a
 * running-average background, threshold, mask, dilate, then contours above a minimum
 * area. When more than a set share of the frame changes at once (a lamp, infrared mode,
 * auto exposure) it learns the background again and follows the picture for a second,
 * firing nothing, because such a change is light, not motion.
 * <p>
 * Used by one thread (the camera's motion watcher); holds native buffers, so it is
 * closed.
 */
final class MotionDetector implements AutoCloseable {

	/**
	 * The background forgets old frames with a time constant of this many seconds: slow
	 * light changes are followed, while a moving object leaves only a faint trail.
	 */
	static final double BACKGROUND_SECONDS = 3;

	private final MotionSettings settings;

	private final double alpha;

	/** Frames to follow the picture without firing after a recalibration: a second. */
	private final int settleFrames;

	private final Mat blurred = new Mat();

	private final Mat background = new Mat();

	private final Mat backgroundBytes = new Mat();

	private final Mat changed = new Mat();

	private final Mat kernel = new Mat();

	private final Size blurSize = new Size(5, 5);

	private Mat mask;

	private double unmaskedPixels;

	private int settling;

	MotionDetector(MotionSettings settings) {
		this.settings = settings;
		this.alpha = Math.min(1, 1 / (BACKGROUND_SECONDS * settings.detectFps()));
		this.settleFrames = settings.detectFps();
	}

	/** Examines one small greyscale frame (see {@link GreyscaleDecoder}). */
	Detection detect(Mat grey) {
		GaussianBlur(grey, this.blurred, this.blurSize, 0);
		if (this.background.empty() || this.background.rows() != grey.rows() || this.background.cols() != grey.cols()) {
			learn(grey.cols(), grey.rows());
			return Detection.NONE;
		}
		if (this.settling > 0) {
			this.settling--;
			this.blurred.convertTo(this.background, CV_32F);
			return Detection.RECALIBRATED;
		}
		this.background.convertTo(this.backgroundBytes, this.blurred.type());
		absdiff(this.blurred, this.backgroundBytes, this.changed);
		threshold(this.changed, this.changed, this.settings.threshold(), 255, THRESH_BINARY);
		if (this.mask != null) {
			bitwise_and(this.changed, this.mask, this.changed);
		}
		double share = countNonZero(this.changed) / this.unmaskedPixels;
		if (share * 100 > this.settings.recalibrate()) {
			this.blurred.convertTo(this.background, CV_32F);
			this.settling = this.settleFrames;
			return Detection.RECALIBRATED;
		}
		accumulateWeighted(this.blurred, this.background, this.alpha);
		if (share == 0) {
			return Detection.NONE;
		}
		dilate(this.changed, this.changed, this.kernel);
		dilate(this.changed, this.changed, this.kernel);
		return regions(grey.cols(), grey.rows());
	}

	private Detection regions(int width, int height) {
		double minPixels = this.settings.minArea() / 100 * width * height;
		List<Detection.Box> boxes = new ArrayList<>();
		double moving = 0;
		try (MatVector contours = new MatVector(); Mat hierarchy = new Mat()) {
			findContours(this.changed, contours, hierarchy, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
			for (long i = 0; i < contours.size(); i++) {
				try (Mat contour = contours.get(i)) {
					double area = contourArea(contour);
					if (area < minPixels) {
						continue;
					}
					moving += area;
					try (Rect r = boundingRect(contour)) {
						boxes.add(new Detection.Box((double) r.x() / width, (double) r.y() / height,
								(double) r.width() / width, (double) r.height() / height));
					}
				}
			}
		}
		if (boxes.isEmpty()) {
			return Detection.NONE;
		}
		return new Detection(Math.min(1, moving / this.unmaskedPixels), List.copyOf(boxes), false);
	}

	/** Starts over on this frame: a first frame, or a camera whose size changed. */
	private void learn(int width, int height) {
		this.blurred.convertTo(this.background, CV_32F);
		if (this.mask != null) {
			this.mask.close();
			this.mask = null;
		}
		this.unmaskedPixels = (double) width * height;
		if (!this.settings.mask().isEmpty()) {
			this.mask = this.settings.mask().render(width, height);
			this.unmaskedPixels = Math.max(1, countNonZero(this.mask));
		}
		this.settling = 0;
	}

	@Override
	public void close() {
		this.blurred.close();
		this.background.close();
		this.backgroundBytes.close();
		this.changed.close();
		this.kernel.close();
		this.blurSize.close();
		if (this.mask != null) {
			this.mask.close();
		}
	}

}
