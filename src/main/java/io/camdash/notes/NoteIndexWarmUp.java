package io.camdash.notes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads every note once in the background after start-up, so the first list or search
 * does not pay for parsing the whole folder (a second or more for thousands of notes).
 */
@Component
class NoteIndexWarmUp {

	private static final Logger log = LoggerFactory.getLogger(NoteIndexWarmUp.class);

	private final NoteIndex index;

	NoteIndexWarmUp(NoteIndex index) {
		this.index = index;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread thread = new Thread(() -> {
			try {
				int notes = this.index.refresh().notes().size();
				log.debug("Indexed {} notes", notes);
			}
			catch (RuntimeException ex) {
				log.warn("Could not index the notes folder: {}", ex.getMessage());
			}
		}, "camdash-notes-index");
		thread.setDaemon(true);
		thread.start();
	}

}
