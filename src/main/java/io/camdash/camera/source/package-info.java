/**
 * Frame sources: where a camera's BGR images come from (test pattern, local device, video
 * file, image folder, network camera, snapshot URL, Raspberry Pi camera module), the
 * {@code source} property they are parsed from, and the factory the capture loop asks for
 * a fresh source each time it (re)opens. Nothing here knows about cameras, viewers or
 * encoding.
 */
@NullMarked
package io.camdash.camera.source;

import org.jspecify.annotations.NullMarked;
