package io.camdash.camera.source;

/**
 * A source's H.264 video as FFmpeg describes it once the source is open: what a remuxer
 * needs to write a decoder configuration and timestamps without decoding. One instance
 * per opening of the source, so a consumer can tell a reopened source by identity.
 *
 * @param extradata the decoder configuration as the source gives it: an {@code avcC}
 * record (MP4 files) or parameter sets in Annex B form (RTSP, MPEG-TS); may be empty when
 * the parameter sets only come inside the stream
 * @param width picture width
 * @param height picture height
 * @param timeBaseNum numerator of the packets' time base (seconds per tick)
 * @param timeBaseDen denominator of the packets' time base
 * @param frameRate frames per second the source announces, or 0 when unknown
 */
public record H264Track(byte[] extradata, int width, int height, int timeBaseNum, int timeBaseDen, double frameRate) {

}
