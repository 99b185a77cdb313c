/**
 * Notes: markdown files under {@code notes/}, rendered with flexmark and sanitized,
 * edited in the browser with conflict detection, and searched through an in-memory index.
 */
@NullMarked
package io.camdash.notes;

import org.jspecify.annotations.NullMarked;
