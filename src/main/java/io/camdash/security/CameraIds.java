package io.camdash.security;

import java.util.List;

/**
 * The ids of the cameras there are now, in display order, for the camera tokens page. The
 * settings package provides it from the camera registry, so that security needs nothing
 * from the camera package.
 */
@FunctionalInterface
public interface CameraIds {

	List<String> cameraIds();

}
