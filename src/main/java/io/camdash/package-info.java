/**
 * camdash, a self-hosted camera dashboard: the application class. Each feature lives in
 * its own package ({@code camera}, {@code pictures}, {@code notes}, {@code security});
 * see {@code docs/architecture.md}.
 */
@NullMarked
package io.camdash;

import org.jspecify.annotations.NullMarked;
