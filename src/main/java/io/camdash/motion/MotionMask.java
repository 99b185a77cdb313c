package io.camdash.motion;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

/**
 * Zones of a camera's picture where motion is ignored (a road, a tree, a clock), in
 * percent of the frame so they stay right when the resolution changes.
 *
 * @param rectangles each {@code "x,y,width,height"}, in percent of the frame's width and
 * height, for example {@code "0,0,100,10"} for the top tenth
 * @param polygons each a list of at least three points {@code "x,y x,y x,y ..."}, in
 * percent of the frame's width and height
 */
public record MotionMask(List<String> rectangles, List<String> polygons) {

	static final MotionMask NONE = new MotionMask(List.of(), List.of());

	public MotionMask {
		rectangles = (rectangles != null) ? List.copyOf(rectangles) : List.of();
		polygons = (polygons != null) ? List.copyOf(polygons) : List.of();
		// Parsed once here so that a wrong zone stops start-up with its own sentence.
		zones(rectangles, polygons);
	}

	boolean isEmpty() {
		return this.rectangles.isEmpty() && this.polygons.isEmpty();
	}

	/**
	 * The zones as polygons of points in percent (x, y pairs), rectangles turned into
	 * four corners.
	 */
	List<double[]> zones() {
		return zones(this.rectangles, this.polygons);
	}

	/**
	 * A mask of the given size: 255 where motion counts, 0 inside the zones.
	 */
	Mat render(int width, int height) {
		Mat mask = new Mat(height, width, CV_8UC1, new Scalar(255));
		for (double[] zone : zones()) {
			int points = zone.length / 2;
			int[] xy = new int[zone.length];
			for (int i = 0; i < points; i++) {
				xy[2 * i] = (int) Math.round(zone[2 * i] * width / 100);
				xy[2 * i + 1] = (int) Math.round(zone[2 * i + 1] * height / 100);
			}
			try (Point polygon = new Point(points); Scalar black = new Scalar(0)) {
				for (int i = 0; i < points; i++) {
					polygon.position(i).x(xy[2 * i]).y(xy[2 * i + 1]);
				}
				polygon.position(0);
				fillPoly(mask, polygon, new int[] { points }, 1, black);
			}
		}
		return mask;
	}

	private static List<double[]> zones(List<String> rectangles, List<String> polygons) {
		List<double[]> zones = new ArrayList<>();
		for (String rectangle : rectangles) {
			double[] r = numbers(rectangle, "rectangles", 4);
			if (r[2] <= 0 || r[3] <= 0) {
				throw new IllegalArgumentException(
						"mask.rectangles: '" + rectangle + "' needs a width and height above 0 (x,y,width,height)");
			}
			zones.add(new double[] { r[0], r[1], r[0] + r[2], r[1], r[0] + r[2], r[1] + r[3], r[0], r[1] + r[3] });
		}
		for (String polygon : polygons) {
			String[] points = polygon.trim().split("\\s+");
			if (points.length < 3) {
				throw new IllegalArgumentException(
						"mask.polygons: '" + polygon + "' needs at least three points \"x,y x,y x,y\"");
			}
			double[] xy = new double[points.length * 2];
			for (int i = 0; i < points.length; i++) {
				double[] point = numbers(points[i], "polygons", 2);
				xy[2 * i] = point[0];
				xy[2 * i + 1] = point[1];
			}
			zones.add(xy);
		}
		return zones;
	}

	private static double[] numbers(String text, String what, int count) {
		String[] parts = (text != null) ? text.split(",", -1) : new String[0];
		String shape = (count == 4) ? "x,y,width,height" : "x,y";
		if (parts.length != count) {
			throw new IllegalArgumentException(
					"mask." + what + ": '" + text + "' is not " + shape + " in percent of the frame");
		}
		double[] values = new double[count];
		for (int i = 0; i < count; i++) {
			try {
				values[i] = Double.parseDouble(parts[i].trim());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"mask." + what + ": '" + text + "' is not " + shape + " in percent of the frame");
			}
			if (!(values[i] >= 0 && values[i] <= 100)) {
				throw new IllegalArgumentException(
						"mask." + what + ": '" + text + "' has a value outside 0-100 (percent of the frame)");
			}
		}
		return values;
	}

}
