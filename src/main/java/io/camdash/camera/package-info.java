/**
 * Cameras: frame sources, one capture loop per camera that encodes each frame to JPEG
 * once, the latest frame shared by every consumer, MJPEG viewers and the live pages,
 * status, health and metrics.
 */
@NullMarked
package io.camdash.camera;

import org.jspecify.annotations.NullMarked;
