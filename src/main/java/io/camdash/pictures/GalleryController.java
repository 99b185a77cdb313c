package io.camdash.pictures;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraRegistry;
import io.camdash.storage.FileNames;
import io.camdash.storage.NormalizedNames;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The gallery pages: all pictures by day (filtered by camera, and by kind: photos or
 * motion pictures), one picture (with its clip, for a motion picture), and deleting one
 * or a selection.
 */
@Controller
class GalleryController {

	static final String GALLERY_VIEW = "pictures/gallery";

	static final String PICTURE_VIEW = "pictures/picture";

	private final PictureStore store;

	private final PictureIndex index;

	private final PictureDeleter deleter;

	private final CameraRegistry cameras;

	private final int pageSize;

	private final PictureClips clips;

	GalleryController(PictureStore store, PictureIndex index, PictureDeleter deleter, CameraRegistry cameras,
			PicturesProperties properties, ObjectProvider<PictureClips> clips) {
		this.store = store;
		this.index = index;
		this.deleter = deleter;
		this.cameras = cameras;
		this.pageSize = properties.pageSize();
		this.clips = clips.getIfAvailable(() -> PictureClips.NONE);
	}

	@GetMapping(PictureUrls.GALLERY)
	String gallery(@RequestParam(defaultValue = "") String camera, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "1") int page, Model model) {
		String filter = checkCamera(camera);
		PictureKind pictureKind = PictureKind.of(kind);
		model.addAttribute("gallery", GalleryPage.of(this.index.pictures(filter, pictureKind), page, this.pageSize,
				filter, pictureKind, this.store.zone(), this.clips));
		model.addAttribute("cameras", cameraChoices());
		return GALLERY_VIEW;
	}

	@GetMapping(PictureUrls.PAGE + "{*name}")
	String picture(@PathVariable String name, @RequestParam(defaultValue = "") String camera,
			@RequestParam(defaultValue = "") String kind, Model model) {
		String filter = checkCamera(camera);
		PictureKind pictureKind = PictureKind.of(kind);
		PictureStore.Found found = this.store.find(PictureName.fromPath(name));
		Picture picture = found.picture();
		model.addAttribute("picture", PictureView.of(picture, this.store.zone(), this.clips));
		model.addAttribute("dimensions", ImageDimensions.read(found.file()));
		model.addAttribute("camera", filter);
		model.addAttribute("kind", pictureKind.parameter());
		model.addAttribute("filterQuery", GalleryPage.filterQuery(filter, pictureKind.parameter()));
		List<Picture> pictures = this.index.pictures(filter, pictureKind);
		int position = indexOf(pictures, picture.name());
		if (position > 0) {
			model.addAttribute("newer", PictureView.of(pictures.get(position - 1), this.store.zone()));
		}
		if (position >= 0 && position < pictures.size() - 1) {
			model.addAttribute("older", PictureView.of(pictures.get(position + 1), this.store.zone()));
		}
		this.cameras.find(picture.camera()).map(Camera::id).ifPresent((id) -> model.addAttribute("liveCamera", id));
		return PICTURE_VIEW;
	}

	@PostMapping(PictureUrls.DELETE + "{*name}")
	String delete(@PathVariable String name, @RequestParam(defaultValue = "") String camera,
			@RequestParam(defaultValue = "") String kind, RedirectAttributes redirect) throws IOException {
		PictureName picture = PictureName.fromPath(name);
		String filter = checkCamera(camera);
		PictureKind pictureKind = PictureKind.of(kind);
		if (!this.deleter.delete(picture)) {
			throw new PictureStore.PictureNotFoundException(picture);
		}
		redirect.addFlashAttribute("message", "Deleted " + picture.fileName() + ".");
		return redirectToGallery(filter, pictureKind, 1, redirect);
	}

	@PostMapping("/pictures/selection/delete")
	String deleteSelection(@RequestParam(name = "name", required = false) List<String> names,
			@RequestParam(defaultValue = "") String camera, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "1") int page, RedirectAttributes redirect) throws IOException {
		String filter = checkCamera(camera);
		PictureKind pictureKind = PictureKind.of(kind);
		var selection = PictureSelection.parse(names);
		int deleted = this.deleter.delete(selection);
		int gone = selection.size() - deleted;
		String message = "Deleted " + deleted + ((deleted == 1) ? " picture." : " pictures.");
		if (gone > 0) {
			message += " " + gone + ((gone == 1) ? " was" : " were") + " already gone.";
		}
		redirect.addFlashAttribute("message", message);
		redirect.addFlashAttribute("messageKind", (gone > 0) ? "warning" : "success");
		return redirectToGallery(filter, pictureKind, page, redirect);
	}

	private static String redirectToGallery(String camera, PictureKind kind, int page, RedirectAttributes redirect) {
		if (!camera.isEmpty()) {
			redirect.addAttribute("camera", camera);
		}
		if (kind != PictureKind.ALL) {
			redirect.addAttribute("kind", kind.parameter());
		}
		if (page > 1) {
			redirect.addAttribute("page", page);
		}
		return "redirect:" + PictureUrls.GALLERY;
	}

	private List<String> cameraChoices() {
		TreeSet<String> choices = new TreeSet<>(this.index.cameras());
		this.cameras.all().forEach((camera) -> choices.add(camera.id()));
		return List.copyOf(choices);
	}

	private static String checkCamera(String camera) {
		// A camera's id, or the folder of pictures placed by hand (any safe name).
		if (!camera.isEmpty() && !FileNames.isSafeSegment(camera)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a camera id");
		}
		// Folder names are compared in NFC, as picture names are.
		return NormalizedNames.nfc(camera);
	}

	private static int indexOf(List<Picture> pictures, PictureName name) {
		for (int i = 0; i < pictures.size(); i++) {
			if (pictures.get(i).name().equals(name)) {
				return i;
			}
		}
		return -1;
	}

}
