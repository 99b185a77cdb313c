/**
 * camdash's settings as a whole: the check that every {@code camdash.*} setting is one
 * camdash knows ({@link io.camdash.settings.KnownSettings}, at start, in every
 * configuration source and in the settings file), and the settings file camdash owns in
 * its data folder ({@link io.camdash.settings.SettingsFile}), whose cameras join those of
 * {@code application.yaml} at start ({@link io.camdash.settings.SettingsEnvironment}).
 */
@NullMarked
package io.camdash.settings;

import org.jspecify.annotations.NullMarked;
