package io.camdash.pictures;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.camdash.api.ApiController;
import io.camdash.storage.FileNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The API's photos and pictures: take a photo, list pictures, read or delete one. */
@ApiController
class PicturesApiController {

	private static final int MAX_PAGE_SIZE = 500;

	private final PhotoTaker photos;

	private final PictureStore store;

	private final PictureIndex index;

	private final PictureDeleter deleter;

	PicturesApiController(PhotoTaker photos, PictureStore store, PictureIndex index, PictureDeleter deleter) {
		this.photos = photos;
		this.store = store;
		this.index = index;
		this.deleter = deleter;
	}

	@PostMapping("/cameras/{id}/photos")
	@Operation(summary = "Take a photo",
			description = "Saves the camera's newest good frame (starting it if idle); 503 when it has no signal.")
	ResponseEntity<ApiPicture> takePhoto(@PathVariable String id) throws IOException, InterruptedException {
		PhotoTaker.Photo taken = this.photos.take(id);
		ApiPicture picture = ApiPicture.of(taken.pictureName(), taken.camera(), taken.takenAt(), taken.size());
		return ResponseEntity.created(URI.create(picture.url())).body(picture);
	}

	@GetMapping("/pictures")
	@Operation(summary = "Pictures, newest first, a page at a time")
	PicturePage pictures(
			@Parameter(description = "only this camera's pictures") @RequestParam(defaultValue = "") String camera,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
		// A camera's id, or the folder of pictures placed by hand (as the gallery's
		// filter).
		if (!camera.isEmpty() && !FileNames.isSafeSegment(camera)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No camera can be called '" + camera + "'.");
		}
		if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"page starts at 1; size is 1 to " + MAX_PAGE_SIZE + ".");
		}
		List<Picture> all = this.index.pictures(camera);
		int from = (int) Math.min((long) (page - 1) * size, all.size());
		List<ApiPicture> pictures = all.subList(from, Math.min(from + size, all.size()))
			.stream()
			.map((picture) -> ApiPicture.of(picture.name(), picture.camera(), picture.takenAt(), picture.size()))
			.toList();
		return new PicturePage(pictures, page, size, all.size());
	}

	@GetMapping("/pictures/{*name}")
	@Operation(summary = "One picture's details and links")
	ApiPicture picture(@PathVariable String name) {
		Picture picture = this.store.find(PictureName.fromPath(name)).picture();
		return ApiPicture.of(picture.name(), picture.camera(), picture.takenAt(), picture.size());
	}

	@DeleteMapping("/pictures/{*name}")
	@Operation(summary = "Delete a picture", description = "204 when deleted, 404 when there is no such picture.")
	ResponseEntity<Void> delete(@PathVariable String name) throws IOException {
		PictureName picture = PictureName.fromPath(name);
		if (!this.deleter.delete(picture)) {
			throw new PictureStore.PictureNotFoundException(picture);
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * A picture in the API.
	 *
	 * @param name its name, relative to the pictures folder
	 * @param camera the camera that took it
	 * @param takenAt when it was taken
	 * @param size file size in bytes
	 * @param url this picture in the API
	 * @param imageUrl the image
	 * @param thumbnailUrl its thumbnail
	 * @param pageUrl its page in the gallery
	 */
	record ApiPicture(String name, String camera, Instant takenAt, long size, String url, String imageUrl,
			String thumbnailUrl, String pageUrl) {

		static ApiPicture of(PictureName name, String camera, Instant takenAt, long size) {
			return new ApiPicture(name.value(), camera, takenAt, size,
					link(ApiController.V1 + "/pictures/" + FileNames.encodePath(name.value())),
					link(PictureUrls.image(name)), link(PictureUrls.thumbnail(name)), link(PictureUrls.page(name)));
		}

		/**
		 * An absolute URL; the path is percent-encoded already, so never encoded again.
		 */
		private static String link(String path) {
			return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + path;
		}

	}

	/**
	 * A page of pictures.
	 *
	 * @param pictures this page's pictures, newest first
	 * @param page this page's number, from 1
	 * @param size the page size asked for
	 * @param total how many pictures there are in all
	 */
	record PicturePage(List<ApiPicture> pictures, int page, int size, int total) {

	}

}
