package io.camdash.camera.source;

import java.time.Duration;

/**
 * What a camera asks of its frame source: the part of its settings a source reads, so
 * sources do not depend on the camera package.
 *
 * @param name the camera's display name, drawn by the test pattern
 * @param source where the frames come from
 * @param width wanted width in pixels, 0 for the source's own
 * @param height wanted height in pixels, 0 for the source's own
 * @param fps wanted frames per second (video files play at their own rate)
 * @param jpegQuality JPEG quality, 10 to 100, for sources that encode JPEG themselves (a
 * Raspberry Pi camera's hardware encoder)
 * @param stallTimeout how long a network read may block before it counts as failed
 */
public record SourceSettings(String name, SourceSpec source, int width, int height, int fps, int jpegQuality,
		Duration stallTimeout) {

}
