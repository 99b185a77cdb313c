/**
 * Pictures: photos taken from a camera's latest frame, stored as JPEG files under
 * {@code pictures/}, the gallery that lists them (the folder is the truth), thumbnails,
 * downloads and deletion.
 */
@NullMarked
package io.camdash.pictures;

import org.jspecify.annotations.NullMarked;
