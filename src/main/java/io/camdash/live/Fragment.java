package io.camdash.live;

/**
 * One frame as {@code moof} + {@code mdat}, shared read-only by every viewer.
 *
 * @param bytes the boxes
 * @param keyframe whether a player may start here
 * @param capturedAtMillis capture time (epoch milliseconds)
 */
record Fragment(byte[] bytes, boolean keyframe, long capturedAtMillis) {

}
