package io.camdash.motion;

import java.util.List;

/**
 * What the detector saw in one frame.
 *
 * @param amount share of the (unmasked) frame covered by moving regions, 0 to 1
 * @param boxes the moving regions, in fractions of the frame's width and height
 * @param recalibrated true when most of the frame changed at once (light, exposure) and
 * the background was learned again instead: never motion
 */
record Detection(double amount, List<Box> boxes, boolean recalibrated) {

	static final Detection NONE = new Detection(0, List.of(), false);

	static final Detection RECALIBRATED = new Detection(0, List.of(), true);

	boolean motion() {
		return !this.boxes.isEmpty();
	}

	/**
	 * A moving region, in fractions (0 to 1) of the frame's width and height so it fits
	 * the frame at any size.
	 *
	 * @param x left edge
	 * @param y top edge
	 * @param width width
	 * @param height height
	 */
	record Box(double x, double y, double width, double height) {

	}

}
