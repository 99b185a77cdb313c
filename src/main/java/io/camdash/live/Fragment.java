package io.camdash.live;

/**
 * One video frame or audio packet as {@code moof} + {@code mdat}, shared read-only by
 * every viewer.
 *
 * @param bytes the boxes
 * @param keyframe whether a player may start here (never for audio)
 * @param audio whether it belongs to the audio track (a viewer playing video only skips
 * it)
 * @param capturedAtMillis capture time (epoch milliseconds)
 */
record Fragment(byte[] bytes, boolean keyframe, boolean audio, long capturedAtMillis) {

}
