/**
 * camdash as an installable web app: the web app manifest (name, icons, colours), the
 * service worker that keeps the app shell (styles, scripts, fonts, icons and the offline
 * page, never a page, stream, picture, note or API answer) and the offline page it shows
 * when camdash cannot be reached.
 */
@NullMarked
package io.camdash.webapp;

import org.jspecify.annotations.NullMarked;
