package io.camdash.motion;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Motion as data: each camera's motion state and the last events (JSON), and the stream
 * of server-sent events that open pages listen to.
 */
@RestController
class MotionController {

	private final MotionWatchers watchers;

	private final MotionEvents events;

	private final MotionListeners listeners;

	MotionController(MotionWatchers watchers, MotionEvents events, MotionListeners listeners) {
		this.watchers = watchers;
		this.events = events;
		this.listeners = listeners;
	}

	@GetMapping(EventLinks.STATUS)
	MotionStatus status() {
		return new MotionStatus(this.watchers.statuses(),
				this.events.recent().stream().map((event) -> MotionNotice.of("end", event)).toList());
	}

	@GetMapping(path = EventLinks.STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream() {
		return this.listeners.open();
	}

	/**
	 * Motion now, as JSON.
	 *
	 * @param cameras each camera's motion state, in display order
	 * @param recent the last events that ended, newest first
	 */
	record MotionStatus(List<WatcherStatus> cameras, List<MotionNotice> recent) {

	}

}
