/**
 * Cameras: one capture loop per camera that encodes each frame to JPEG once, the latest
 * frame shared by every consumer, the {@link io.camdash.camera.FrameConsumer} interface
 * through which consumers (MJPEG today) plug in, MJPEG viewers and the live pages,
 * status, health and metrics. Frame sources live in {@code camera.source}.
 */
@NullMarked
package io.camdash.camera;

import org.jspecify.annotations.NullMarked;
