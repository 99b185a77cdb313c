package io.camdash.notes;

import java.nio.file.Path;
import java.util.List;

import io.camdash.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notes pages. A note's page is {@code /notes/<folder>/<name>.md}, so relative links
 * and images in notes work as they do on GitHub; the actions on a note are query
 * parameters of that URL ({@code ?edit}, {@code ?action=save|rename|delete}, and a
 * folder's {@code ?action=delete-folder}), and the pages that are not a note
 * ({@code /notes/search}, {@code /notes/new}, {@code /notes/preview}) never end in
 * {@code .md}, so no note can shadow them.
 * <p>
 * Longer than most classes: every action on a note is a query parameter of the note's own
 * URL, so its handlers share one path mapping and one path check; kept in one class, one
 * read shows that no URL shadows another.
 */
@Controller
class NotesController {

	private static final String CHANGED_ON_DISK = "Not saved: this note was changed on disk since you opened it. "
			+ "Your text is on the left, the version on disk on the right. Merge them into your text and save again.";

	private static final String DELETED_ON_DISK = "Not saved: this note was deleted on disk since you opened it. "
			+ "Save again to create it anew with your text.";

	static final String LIST_VIEW = "notes/list";

	static final String NOTE_VIEW = "notes/note";

	static final String EDIT_VIEW = "notes/edit";

	static final String SEARCH_VIEW = "notes/search";

	private final NoteStore store;

	private final NoteIndex index;

	private final MarkdownRenderer renderer;

	private final NotesProperties properties;

	NotesController(NoteStore store, NoteIndex index, MarkdownRenderer renderer, NotesProperties properties) {
		this.store = store;
		this.index = index;
		this.renderer = renderer;
		this.properties = properties;
	}

	@GetMapping("/notes")
	String list(@RequestParam(name = "sort", required = false) String sort, Model model) {
		NoteTree.Sort order = NoteTree.Sort.of(sort);
		NoteIndex.Contents contents = this.index.refresh();
		model.addAttribute("rows", NoteTree.rows(contents, order));
		model.addAttribute("noteCount", contents.notes().size());
		model.addAttribute("sort", order.name().toLowerCase(java.util.Locale.ROOT));
		return LIST_VIEW;
	}

	@GetMapping("/notes/search")
	String search(@RequestParam(name = "q", required = false) String query, Model model) {
		String q = (query != null) ? query.strip() : "";
		model.addAttribute("q", q);
		model.addAttribute("hits", this.index.search(q, this.properties.maxSearchResults()));
		model.addAttribute("searched", !NoteSearch.terms(q).isEmpty());
		return SEARCH_VIEW;
	}

	@GetMapping("/notes/new")
	String newNote(@RequestParam(name = "folder", required = false) String folder, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (!request.isUserInRole(Role.ADMIN.name())) {
			// A VIEWER never gets an editor whose save would be refused.
			readOnly(redirect, "Only an administrator can write notes; you can read them all here.");
			return "redirect:/notes";
		}
		model.addAttribute("mode", "create");
		model.addAttribute("folder", NotePath.folder(folder).value());
		model.addAttribute("noteTitle", "");
		model.addAttribute("markdown", "");
		addFolders(model);
		return EDIT_VIEW;
	}

	@PostMapping("/notes/new")
	ModelAndView create(@RequestParam(name = "title", required = false) String title,
			@RequestParam(name = "folder", required = false) String folder,
			@RequestParam(name = "content", required = false) String content, HttpServletRequest request,
			RedirectAttributes redirect) {
		String text = requireContent(content, request);
		String heading = (title != null) ? title.strip() : "";
		NotePath path = NotePath.fromTitle(NotePath.folder(folder), heading);
		// A new note starts with its title as heading, unless the text already has one.
		String markdown = (heading.isEmpty() || this.renderer.text(text).title() != null) ? text
				: "# " + heading + "\n\n" + text;
		try {
			this.store.create(path, markdown);
		}
		catch (NoteConflictException ex) {
			ModelAndView form = new ModelAndView(EDIT_VIEW, HttpStatus.CONFLICT);
			form.addObject("mode", "create");
			form.addObject("folder", path.parent().value());
			form.addObject("noteTitle", heading);
			form.addObject("markdown", text);
			form.addObject("error", "A note named " + path + " already exists: choose another title or folder.");
			form.addObject("folders", folders());
			return form;
		}
		catch (NoteNotSavedException ex) {
			ModelAndView form = new ModelAndView(EDIT_VIEW, notSavedStatus(ex));
			form.addObject("mode", "create");
			form.addObject("folder", path.parent().value());
			form.addObject("noteTitle", heading);
			form.addObject("markdown", text);
			form.addObject("error", ex.getMessage());
			form.addObject("folders", folders());
			return form;
		}
		redirect.addFlashAttribute("message", "Created " + path + ".");
		return new ModelAndView("redirect:" + path.url());
	}

	private static void readOnly(RedirectAttributes redirect, String message) {
		redirect.addFlashAttribute("message", message);
		redirect.addFlashAttribute("messageKind", "warning");
	}

	/** The editor's live preview: the same renderer and sanitizer as the note's page. */
	@PostMapping(path = "/notes/preview", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
	@ResponseBody
	String preview(@RequestParam(name = "content", required = false) String content, HttpServletRequest request) {
		return this.renderer.render(requireContent(content, request)).html();
	}

	/** A note's page, or an image stored next to the notes. */
	@GetMapping("/notes/{*path}")
	Object show(@PathVariable String path, Model model) {
		NotePath name = NotePath.fromUrl(path);
		if (name.isImage()) {
			return image(name);
		}
		if (!name.isNote()) {
			throw new NoteNotFoundException(name);
		}
		NoteFile note = this.store.read(name);
		RenderedNote rendered = this.renderer.render(note.content());
		model.addAttribute("note", note);
		model.addAttribute("noteTitle", (rendered.title() != null) ? rendered.title() : name.baseName());
		model.addAttribute("html", rendered.html());
		model.addAttribute("toc",
				(rendered.headings().size() >= this.properties.tocMinHeadings()) ? rendered.headings() : List.of());
		model.addAttribute("folders", folders());
		return NOTE_VIEW;
	}

	private ResponseEntity<FileSystemResource> image(NotePath name) {
		Path file = this.store.image(name);
		MediaType type = MediaTypeFactory.getMediaType(file.getFileName().toString())
			.orElse(MediaType.APPLICATION_OCTET_STREAM);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.contentType(type)
			.body(new FileSystemResource(file));
	}

	@GetMapping(path = "/notes/{*path}", params = "edit")
	String edit(@PathVariable String path, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		NoteFile note = this.store.read(noteFromUrl(path));
		if (!request.isUserInRole(Role.ADMIN.name())) {
			readOnly(redirect, "Only an administrator can edit notes; here is this one to read.");
			return "redirect:" + note.path().url();
		}
		model.addAttribute("mode", "edit");
		model.addAttribute("note", note);
		model.addAttribute("markdown", note.content());
		model.addAttribute("version", note.version());
		return EDIT_VIEW;
	}

	@PostMapping(path = "/notes/{*path}", params = "action=save")
	ModelAndView save(@PathVariable String path, @RequestParam(name = "content", required = false) String content,
			@RequestParam(name = "version") String version, HttpServletRequest request, RedirectAttributes redirect) {
		NotePath name = noteFromUrl(path);
		String text = requireContent(content, request);
		try {
			this.store.save(name, text, version);
		}
		catch (NoteConflictException ex) {
			return conflict(name, text, ex.onDisk());
		}
		catch (NoteNotSavedException ex) {
			// The editor again, still at the version it started from, so the next save
			// goes through once the disk is fixed.
			ModelAndView editor = new ModelAndView(EDIT_VIEW, notSavedStatus(ex));
			editor.addObject("mode", "edit");
			NoteFile onDisk = this.store.readIfExists(name);
			editor.addObject("note", (onDisk != null) ? onDisk : new NoteFile(name, "", null, NoteFile.MISSING));
			editor.addObject("markdown", text);
			editor.addObject("version", version);
			editor.addObject("error", ex.getMessage());
			return editor;
		}
		redirect.addFlashAttribute("message", "Saved.");
		return new ModelAndView("redirect:" + name.url());
	}

	/**
	 * The editor again, refusing the save: the user's text stays in the editor, the
	 * version on disk is shown beside it, and the next save (after merging) is checked
	 * against that disk version.
	 */
	private ModelAndView conflict(NotePath name, String theirs, @Nullable NoteFile onDisk) {
		ModelAndView editor = new ModelAndView(EDIT_VIEW, HttpStatus.CONFLICT);
		editor.addObject("mode", "edit");
		editor.addObject("note", (onDisk != null) ? onDisk : new NoteFile(name, "", null, NoteFile.MISSING));
		editor.addObject("markdown", theirs);
		editor.addObject("version", (onDisk != null) ? onDisk.version() : NoteFile.MISSING);
		editor.addObject("diskContent", (onDisk != null) ? onDisk.content() : null);
		editor.addObject("error", (onDisk != null) ? CHANGED_ON_DISK : DELETED_ON_DISK);
		return editor;
	}

	private static HttpStatus notSavedStatus(NoteNotSavedException ex) {
		return ex.diskFull() ? HttpStatus.INSUFFICIENT_STORAGE : HttpStatus.SERVICE_UNAVAILABLE;
	}

	@PostMapping(path = "/notes/{*path}", params = "action=rename")
	ModelAndView rename(@PathVariable String path, @RequestParam(name = "folder", required = false) String folder,
			@RequestParam(name = "name") String newName, RedirectAttributes redirect) {
		NotePath from = noteFromUrl(path);
		String fileName = newName.strip().endsWith(NotePath.EXTENSION) ? newName.strip()
				: newName.strip() + NotePath.EXTENSION;
		NotePath to = NotePath.note(NotePath.folder(folder).child(fileName).value());
		try {
			this.store.rename(from, to);
		}
		catch (NoteConflictException ex) {
			redirect.addFlashAttribute("error", "Not moved: a note named " + to + " already exists.");
			return new ModelAndView("redirect:" + from.url());
		}
		redirect.addFlashAttribute("message", "Moved " + from + " to " + to + ".");
		return new ModelAndView("redirect:" + to.url());
	}

	@PostMapping(path = "/notes/{*path}", params = "action=delete")
	String delete(@PathVariable String path, RedirectAttributes redirect) {
		NotePath name = noteFromUrl(path);
		this.store.delete(name);
		redirect.addFlashAttribute("message", "Deleted " + name + ".");
		return "redirect:/notes";
	}

	/** Removes an empty folder; one that holds anything stays, with a sentence why. */
	@PostMapping(path = "/notes/{*path}", params = "action=delete-folder")
	String deleteFolder(@PathVariable String path, RedirectAttributes redirect) {
		NotePath folder = NotePath.fromUrl(path);
		try {
			this.store.deleteFolder(folder);
		}
		catch (NoteFolderNotEmptyException ex) {
			redirect.addFlashAttribute("error", ex.getReason());
			return "redirect:/notes";
		}
		redirect.addFlashAttribute("message", "Removed the empty folder " + folder + ".");
		return "redirect:/notes";
	}

	/**
	 * The text of a form, within the size limit. A form bigger than the servlet
	 * container's own limit arrives without its fields; its length still tells it was too
	 * large.
	 */
	private String requireContent(@Nullable String content, HttpServletRequest request) {
		if (content == null && request.getContentLengthLong() > this.store.maxSize().toBytes()) {
			throw new NoteTooLargeException(this.store.maxSize());
		}
		return this.store.checkSize(content);
	}

	private static NotePath noteFromUrl(String path) {
		NotePath name = NotePath.fromUrl(path);
		if (!name.isNote()) {
			throw new NoteNotFoundException(name);
		}
		return name;
	}

	private void addFolders(Model model) {
		model.addAttribute("folders", folders());
	}

	private List<String> folders() {
		return this.index.refresh().folders().stream().map(NotePath::value).toList();
	}

}
