package io.camdash.camera.source;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;

/**
 * Two lines of outlined text at the top left of a frame, legible on any background: the
 * test pattern's caption and the camera overlay.
 */
public final class Caption {

	private static final Scalar WHITE = new Scalar(255, 255, 255, 0);

	private static final Scalar BLACK = new Scalar(0, 0, 0, 0);

	private Caption() {
	}

	/** Draws a title and a smaller second line under it. */
	public static void draw(Mat frame, String title, String subtitle) {
		double scale = Math.max(0.4, frame.rows() / 600.0);
		int lineHeight = (int) (34 * scale);
		outlinedText(frame, title, lineHeight / 4, lineHeight, scale);
		outlinedText(frame, subtitle, lineHeight / 4, 2 * lineHeight, scale * 0.8);
	}

	private static void outlinedText(Mat frame, String text, int x, int y, double scale) {
		String ascii = ascii(text);
		int thickness = Math.max(1, (int) Math.round(scale * 1.5));
		try (Point at = new Point(x, y)) {
			putText(frame, ascii, at, FONT_HERSHEY_SIMPLEX, scale, BLACK, thickness + 3, LINE_AA, false);
			putText(frame, ascii, at, FONT_HERSHEY_SIMPLEX, scale, WHITE, thickness, LINE_AA, false);
		}
	}

	/** The text as Hershey fonts can draw it: ASCII only, anything else a '?'. */
	public static String ascii(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> out.append((c >= 32 && c < 127) ? (char) c : '?'));
		return out.toString();
	}

}
