/**
 * Live H.264: each camera's frames encoded once (or its H.264 passed through) into
 * fragmented MP4, kept from the last keyframe, and fanned out to WebSocket viewers (the
 * browser's Media Source Extensions) and to {@code stream.mp4} over plain HTTP.
 */
@NullMarked
package io.camdash.live;

import org.jspecify.annotations.NullMarked;
