/**
 * Security: users and roles, sign-in with throttling, camera tokens for tools, and the
 * secrets camdash generates on its first start.
 */
@NullMarked
package io.camdash.security;

import org.jspecify.annotations.NullMarked;
