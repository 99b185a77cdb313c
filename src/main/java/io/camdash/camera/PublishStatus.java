package io.camdash.camera;

import org.jspecify.annotations.Nullable;

/**
 * What the status API shows about one media server a camera publishes to.
 *
 * @param target the target's URL with its secrets hidden (user info, query values and the
 * stream key)
 * @param state {@code connecting}, {@code publishing} or {@code retrying}
 * @param reason why it is retrying, or null
 */
public record PublishStatus(String target, String state, @Nullable String reason) {

}
