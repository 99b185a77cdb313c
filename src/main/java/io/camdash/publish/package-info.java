/**
 * Publishing cameras to media servers (nginx-rtmp, MediaMTX, go2rtc, a CDN's ingest) over
 * RTMP or RTSP, so viewers beyond one machine's reach are served by software built for
 * that.
 */
@NullMarked
package io.camdash.publish;

import org.jspecify.annotations.NullMarked;
