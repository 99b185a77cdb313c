package io.camdash.camera;

import org.jspecify.annotations.Nullable;

/**
 * What the status API shows about a camera's H.264 stream.
 *
 * @param viewers H.264 viewers now (WebSocket and {@code stream.mp4})
 * @param delivery {@code encoded} (camdash encodes the camera's images once per frame),
 * {@code passthrough} (the camera's own H.264, remuxed) or {@code off} (nobody watches)
 * @param codec the MIME codec parameter sent, such as {@code avc1.42C01F}, or null before
 * the first frame
 * @param bitsPerSecond the stream's bit rate over the last seconds
 */
public record VideoStreamStatus(int viewers, String delivery, @Nullable String codec, long bitsPerSecond) {

}
