package io.camdash.security;

/**
 * The camera that the short URLs {@code /stream.mjpg} and {@code /snapshot.jpg} show,
 * whose camera token they take. The camera package provides it, so that security needs
 * nothing else from that package (which itself asks security for roles).
 */
@FunctionalInterface
public interface FirstCamera {

	String firstCameraId();

}
