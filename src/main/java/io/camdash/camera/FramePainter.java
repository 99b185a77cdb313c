package io.camdash.camera;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.camdash.camera.source.Caption;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.getTextSize;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;

/** Draws on frames: the camera overlay and the NO SIGNAL card. */
final class FramePainter {

	static final DateTimeFormatter OVERLAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private static final Scalar WHITE = new Scalar(255, 255, 255, 0);

	private static final Scalar GREY = new Scalar(48, 48, 48, 0);

	private static final Scalar RED = new Scalar(60, 60, 230, 0);

	private FramePainter() {
	}

	/** The overlay drawn on captured frames when {@code overlay} is on. */
	static void overlay(Mat frame, String name, Instant time) {
		Caption.draw(frame, name, OVERLAY_TIME.format(time));
	}

	/** A new frame saying the camera has no signal; the caller closes it. */
	static Mat noSignal(int width, int height, String name, Instant time, String reason) {
		Mat card = new Mat(height, width, CV_8UC3, GREY);
		double scale = Math.max(0.5, height / 300.0);
		centredText(card, "NO SIGNAL", height / 2 - (int) (20 * scale), scale * 1.2, RED, 2 + (int) scale);
		centredText(card, name, height / 2 + (int) (20 * scale), scale * 0.6, WHITE, 1 + (int) (scale / 2));
		centredText(card, OVERLAY_TIME.format(time), height / 2 + (int) (45 * scale), scale * 0.5, WHITE, 1);
		if (reason != null) {
			centredText(card, shorten(reason, 70), height - (int) (15 * scale), scale * 0.35, WHITE, 1);
		}
		return card;
	}

	private static void centredText(Mat frame, String text, int baseline, double scale, Scalar colour, int thickness) {
		String ascii = Caption.ascii(text);
		try (IntPointer base = new IntPointer(1);
				Size size = getTextSize(ascii, FONT_HERSHEY_SIMPLEX, scale, thickness, base);
				Point at = new Point(Math.max(0, (frame.cols() - size.width()) / 2), baseline)) {
			putText(frame, ascii, at, FONT_HERSHEY_SIMPLEX, scale, colour, thickness, LINE_AA, false);
		}
	}

	private static String shorten(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
