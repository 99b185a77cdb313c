package io.camdash.pictures;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraRegistry;
import io.camdash.camera.LatestFrame;
import io.camdash.camera.StreamingProperties;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Take photo: saves a camera's newest good frame as a picture. Browsers posting the live
 * page's form are sent to the new picture; API clients get JSON describing it. Starts an
 * idle camera, and answers 503 rather than ever saving a NO SIGNAL frame.
 */
@Controller
class PhotoController {

	/**
	 * Where a photo is taken. The URL keeps the name API clients already use; in the
	 * code, "photo" is a picture a person took and "still" is /snapshot.jpg.
	 */
	static final String TAKE_PHOTO_URL = "/cameras/{id}/snapshots";

	private final CameraRegistry cameras;

	private final PictureStore store;

	private final PictureIndex index;

	private final Duration timeout;

	PhotoController(CameraRegistry cameras, PictureStore store, PictureIndex index, StreamingProperties streaming) {
		this.cameras = cameras;
		this.store = store;
		this.index = index;
		this.timeout = streaming.snapshotTimeout();
	}

	@PostMapping(path = TAKE_PHOTO_URL, produces = MediaType.TEXT_HTML_VALUE)
	String takeFromPage(@PathVariable String id, RedirectAttributes redirect) throws IOException, InterruptedException {
		Taken taken = take(id);
		redirect.addFlashAttribute("taken", true);
		return "redirect:" + PictureUrls.page(taken.picture().name());
	}

	@PostMapping(TAKE_PHOTO_URL)
	ResponseEntity<TakenPhoto> takeForApi(@PathVariable String id) throws IOException, InterruptedException {
		Taken taken = take(id);
		Picture picture = taken.picture();
		PictureName name = picture.name();
		URI page = ServletUriComponentsBuilder.fromCurrentContextPath().path(PictureUrls.page(name)).build().toUri();
		return ResponseEntity.created(page)
			.body(new TakenPhoto(name.value(), picture.camera(), picture.takenAt(), taken.width(), taken.height(),
					picture.size(), page.toString(), link(PictureUrls.image(name)), link(PictureUrls.thumbnail(name)),
					link(PictureUrls.download(name))));
	}

	private static String link(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
	}

	private Taken take(String id) throws IOException, InterruptedException {
		Camera camera = this.cameras.require(id);
		LatestFrame frame = camera.requireLiveFrame(this.timeout);
		Picture picture = this.store.save(camera.id(), frame.jpeg(), frame.capturedAt());
		this.index.invalidate();
		return new Taken(picture, frame.width(), frame.height());
	}

	private record Taken(Picture picture, int width, int height) {

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
