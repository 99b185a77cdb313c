package io.camdash.pictures;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Take photo from the live page ({@link PhotoTaker}): browsers posting the page's form
 * are sent to the new picture; a page's script gets JSON describing it.
 */
@Controller
class PhotoController {

	/**
	 * Where a photo is taken. The URL keeps the name API clients already use; in the
	 * code, "photo" is a picture a person took and "still" is /snapshot.jpg.
	 */
	static final String TAKE_PHOTO_URL = "/cameras/{id}/snapshots";

	private final PhotoTaker photos;

	PhotoController(PhotoTaker photos) {
		this.photos = photos;
	}

	@PostMapping(path = TAKE_PHOTO_URL, produces = MediaType.TEXT_HTML_VALUE)
	String takeFromPage(@PathVariable String id, RedirectAttributes redirect) throws IOException, InterruptedException {
		PhotoTaker.Photo taken = this.photos.take(id);
		redirect.addFlashAttribute("taken", true);
		return "redirect:" + PictureUrls.page(taken.pictureName());
	}

	@PostMapping(TAKE_PHOTO_URL)
	ResponseEntity<TakenPhoto> takeForApi(@PathVariable String id) throws IOException, InterruptedException {
		PhotoTaker.Photo taken = this.photos.take(id);
		PictureName name = taken.pictureName();
		// The paths are encoded already: toUri() would encode their '%' again.
		URI page = URI.create(link(PictureUrls.page(name)));
		return ResponseEntity.created(page)
			.body(new TakenPhoto(name.value(), taken.camera(), taken.takenAt(), taken.width(), taken.height(),
					taken.size(), page.toString(), link(PictureUrls.image(name)), link(PictureUrls.thumbnail(name)),
					link(PictureUrls.download(name))));
	}

	/** An absolute URL; the path is percent-encoded already, so never encoded again. */
	private static String link(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + path;
	}

	/**
	 * A picture just taken, as JSON.
	 *
	 * @param name its name, relative to the pictures folder
	 * @param camera the camera that took it
	 * @param takenAt when the frame was captured
	 * @param width width in pixels
	 * @param height height in pixels
	 * @param size file size in bytes
	 * @param pageUrl its page in the gallery
	 * @param imageUrl the image itself
	 * @param thumbnailUrl its thumbnail
	 * @param downloadUrl the image as a download
	 */
	record TakenPhoto(String name, String camera, Instant takenAt, int width, int height, long size, String pageUrl,
			String imageUrl, String thumbnailUrl, String downloadUrl) {

	}

}
