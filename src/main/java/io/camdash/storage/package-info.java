/**
 * Files camdash writes: {@link io.camdash.storage.AtomicFiles} (every write goes to a
 * temporary file that is synced and moved into place, so a crash or power cut leaves the
 * old file or the new one, never a torn one) and {@link io.camdash.storage.WriteProblem}
 * (why a write failed, in words a user can act on).
 */
@NullMarked
package io.camdash.storage;

import org.jspecify.annotations.NullMarked;
