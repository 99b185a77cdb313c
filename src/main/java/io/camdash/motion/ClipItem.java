package io.camdash.motion;

import java.time.Instant;

/** Something a clip is made of: a camera's JPEG frame or one of its H.264 packets. */
sealed interface ClipItem permits ClipFrame, ClipPacket {

	/** When the camera captured (or camdash received) it: the clip's timeline. */
	Instant capturedAt();

	/** Bytes it holds in memory, for the bounds on what waits. */
	int size();

}
