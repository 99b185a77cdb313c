/**
 * The gallery benchmark ({@code ./mvnw -Pbench}): how long a page of a 10,000-picture
 * gallery takes. In the pictures package, beside the test helpers it uses; compiled only
 * with the {@code bench} profile.
 */
@NullMarked
package io.camdash.pictures;

import org.jspecify.annotations.NullMarked;
