package io.camdash.motion;

/** The URLs of the motion pages and files, relative to the context path. */
final class EventLinks {

	static final String EVENTS = "/events";

	static final String CLIP = "/events/clip/";

	static final String DELETE = "/events/delete/";

	static final String STREAM = "/events/stream";

	static final String STATUS = "/motion/status";

	private EventLinks() {
	}

	static String clip(String id) {
		return CLIP + id + ".mp4";
	}

}
