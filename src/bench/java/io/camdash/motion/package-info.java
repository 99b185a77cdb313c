/**
 * The motion detection benchmark ({@code ./mvnw -Pbench}): detection cost per examined
 * 720p frame, and eight 720p cameras watched at once. In the motion package, beside the
 * package-private classes it measures; compiled only with the {@code bench} profile.
 */
@NullMarked
package io.camdash.motion;

import org.jspecify.annotations.NullMarked;
