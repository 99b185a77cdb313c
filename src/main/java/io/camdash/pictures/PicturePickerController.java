package io.camdash.pictures;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The picture picker of the note editor: a page of the newest pictures as an HTML
 * fragment, each a button carrying the markdown that embeds it in a note
 * ({@link PictureView#markdown()}, as "Copy as markdown" gives it). The editor's script
 * loads it into a dialog; the notes package knows nothing of the pictures' store.
 */
@Controller
class PicturePickerController {

	static final String PICKER_VIEW = "pictures/picker :: choices";

	/** Few enough that a phone loads their thumbnails at once. */
	static final int PAGE_SIZE = 24;

	private final PictureIndex index;

	private final PictureStore store;

	PicturePickerController(PictureIndex index, PictureStore store) {
		this.index = index;
		this.store = store;
	}

	@GetMapping("/pictures/picker")
	String choices(@RequestParam(defaultValue = "1") int page, Model model) {
		List<Picture> pictures = this.index.pictures();
		int first = Math.max(0, Math.min((Math.max(page, 1) - 1) * PAGE_SIZE, pictures.size()));
		int last = Math.min(first + PAGE_SIZE, pictures.size());
		model.addAttribute("choices",
				pictures.subList(first, last).stream().map((p) -> PictureView.of(p, this.store.zone())).toList());
		model.addAttribute("nextPage", (last < pictures.size()) ? Math.max(page, 1) + 1 : null);
		return PICKER_VIEW;
	}

}
