/**
 * MQTT for Home Assistant: discovery of each camera (stills, a "Take photo" button, a
 * signal sensor), availability with a last will, and reconnecting by itself. Off unless
 * {@code camdash.mqtt.url} is set.
 */
@NullMarked
package io.camdash.mqtt;

import org.jspecify.annotations.NullMarked;
