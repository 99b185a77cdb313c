/**
 * Motion detection: a watcher per camera with motion on reads its frames, finds moving
 * regions on a small greyscale copy, and turns runs of motion into events. Each event
 * leaves a motion picture, an MP4 clip and a small JSON record next to the photos, and is
 * announced to open pages (server-sent events) and to an optional webhook.
 */
@NullMarked
package io.camdash.motion;

import org.jspecify.annotations.NullMarked;
