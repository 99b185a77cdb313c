/**
 * The cameras part of the settings pages: the cameras of camdash's settings file listed,
 * added, changed, reordered, removed and tested in the browser
 * ({@link io.camdash.settings.cameras.CamerasSettingsController}), checked by the same
 * property records as at start ({@link io.camdash.settings.cameras.CameraListCheck}),
 * saved in the settings file and applied at once to the running cameras
 * ({@link io.camdash.settings.cameras.FileCameras}).
 */
@NullMarked
package io.camdash.settings.cameras;

import org.jspecify.annotations.NullMarked;
