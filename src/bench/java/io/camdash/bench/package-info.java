/**
 * The streaming benchmark ({@code ./mvnw -Pbench verify}): starts camdash's jar as its
 * own process with a generated video, drives hundreds of MJPEG viewers over loopback from
 * a few threads, and prints the figures recorded in docs/performance.md; the live H.264,
 * relay, footprint and page (Lighthouse) benchmarks run the jar the same way. Compiled
 * only with the {@code bench} profile.
 */
@NullMarked
package io.camdash.bench;

import org.jspecify.annotations.NullMarked;
