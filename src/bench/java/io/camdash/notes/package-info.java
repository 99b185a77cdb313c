/**
 * The notes-search benchmark ({@code ./mvnw -Pbench}): search time over 5,000 notes. In
 * the notes package, beside the package-private classes it measures; compiled only with
 * the {@code bench} profile.
 */
@NullMarked
package io.camdash.notes;

import org.jspecify.annotations.NullMarked;
