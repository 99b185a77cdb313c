/**
 * Training runs: the run of the JVM that writes the class data sharing archive (Java 17+)
 * or the AOT cache (Java 25+) a faster start reads. camdash answers itself the requests a
 * browser makes first, so that their classes are in the archive too, then exits.
 */
@NullMarked
package io.camdash.training;

import org.jspecify.annotations.NullMarked;
