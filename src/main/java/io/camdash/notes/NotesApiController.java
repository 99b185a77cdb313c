package io.camdash.notes;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.camdash.api.ApiController;
import io.camdash.storage.FileNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The API's notes: list them, read one's markdown, write one. A write sends the version
 * it read, so it never overwrites a change it has not seen (409 with the version on
 * disk); no version creates a new note.
 */
@ApiController
class NotesApiController {

	private final NoteStore store;

	private final NoteIndex index;

	private final MarkdownRenderer renderer;

	NotesApiController(NoteStore store, NoteIndex index, MarkdownRenderer renderer) {
		this.store = store;
		this.index = index;
		this.renderer = renderer;
	}

	@GetMapping("/notes")
	@Operation(summary = "Every note: path, title, when it changed")
	List<NoteSummary> notes() {
		return this.index.refresh()
			.notes()
			.stream()
			.sorted(Comparator.comparing(NoteIndex.IndexedNote::path))
			.map((note) -> new NoteSummary(note.path().value(), note.title(), note.modified(), note.size(),
					link(note.path())))
			.toList();
	}

	@GetMapping("/notes/{*path}")
	@Operation(summary = "A note's markdown and version")
	ApiNote note(@PathVariable String path) {
		return ApiNote.of(this.store.read(noteFromUrl(path)), this.renderer);
	}

	@PutMapping("/notes/{*path}")
	@Operation(summary = "Write a note",
			description = "With the version read before: saves if the note is unchanged since (else 409). "
					+ "Without a version: creates the note (409 if it exists).")
	ResponseEntity<ApiNote> write(@PathVariable String path, @RequestBody NoteWrite body) {
		NotePath name = noteFromUrl(path);
		boolean creating = body.version() == null || body.version().isBlank();
		NoteFile saved = this.store.save(name, (body.markdown() != null) ? body.markdown() : "",
				creating ? NoteFile.MISSING : body.version());
		ApiNote note = ApiNote.of(saved, this.renderer);
		return creating ? ResponseEntity.created(URI.create(note.url())).body(note) : ResponseEntity.ok(note);
	}

	@ExceptionHandler(NoteConflictException.class)
	ProblemDetail conflict(NoteConflictException ex) {
		NoteFile onDisk = ex.onDisk();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				(onDisk != null)
						? "Not saved: note '" + ex.path() + "' is not the version you sent (it exists, or "
								+ "changed since you read it). Read it again, merge, and send its currentVersion."
						: "Not saved: note '" + ex.path() + "' does not exist; send no version to create it.");
		problem.setProperties(Map.of("currentVersion", (onDisk != null) ? onDisk.version() : NoteFile.MISSING));
		return problem;
	}

	@ExceptionHandler(NoteNotSavedException.class)
	ProblemDetail notSaved(NoteNotSavedException ex) {
		return ProblemDetail.forStatusAndDetail(
				ex.diskFull() ? HttpStatus.INSUFFICIENT_STORAGE : HttpStatus.SERVICE_UNAVAILABLE,
				"Not saved: " + ex.reason() + ". Nothing was changed; try again once it is fixed.");
	}

	private static NotePath noteFromUrl(String path) {
		NotePath name = NotePath.fromUrl(path);
		if (!name.isNote()) {
			throw new NoteNotFoundException(name);
		}
		return name;
	}

	/** An absolute URL; the path is percent-encoded already, so never encoded again. */
	private static String link(NotePath path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + ApiController.V1 + "/notes/"
				+ FileNames.encodePath(path.value());
	}

	/**
	 * A note in a list.
	 *
	 * @param path its name, such as garden/door.md
	 * @param title its first heading, else its file name
	 * @param modified when it last changed
	 * @param size its size in bytes
	 * @param url the note in the API
	 */
	record NoteSummary(String path, String title, Instant modified, long size, String url) {

	}

	/**
	 * A note with its markdown.
	 *
	 * @param path its name
	 * @param title its first heading, else its file name
	 * @param markdown its text
	 * @param version send this back when writing it
	 * @param modified when it last changed
	 * @param url the note in the API
	 * @param pageUrl its page
	 */
	record ApiNote(String path, String title, String markdown, String version, Instant modified, String url,
			String pageUrl) {

		static ApiNote of(NoteFile note, MarkdownRenderer renderer) {
			String title = renderer.text(note.content()).title();
			return new ApiNote(note.path().value(), (title != null) ? title : note.path().baseName(), note.content(),
					note.version(), note.modified(), link(note.path()),
					ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + note.path().url());
		}

	}

	/**
	 * A note to write.
	 *
	 * @param markdown the new text
	 * @param version the version read before; none to create a new note
	 */
	record NoteWrite(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String markdown,
			@Nullable String version) {

	}

}
