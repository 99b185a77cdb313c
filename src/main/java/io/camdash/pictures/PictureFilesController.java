package io.camdash.pictures;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.WebAsyncTask;
import org.springframework.web.server.ResponseStatusException;

/**
 * Picture files: the image, its thumbnail, a download, a zip of a selection, and DELETE
 * for API clients.
 */
@RestController
class PictureFilesController {

	private static final Logger log = LoggerFactory.getLogger(PictureFilesController.class);

	static final Resource PLACEHOLDER = new ClassPathResource("static/img/picture-placeholder.svg");

	private static final DateTimeFormatter ZIP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final PictureStore store;

	private final ThumbnailCache thumbnails;

	private final PictureDeleter deleter;

	private final Downloads downloads;

	PictureFilesController(PictureStore store, ThumbnailCache thumbnails, PictureDeleter deleter, Downloads downloads) {
		this.store = store;
		this.thumbnails = thumbnails;
		this.deleter = deleter;
		this.downloads = downloads;
	}

	@GetMapping(PictureUrls.IMAGE + "{*name}")
	ResponseEntity<Resource> image(@PathVariable String name) {
		return file(this.store.find(PictureName.fromPath(name)), ContentDisposition.inline());
	}

	@GetMapping(PictureUrls.DOWNLOAD + "{*name}")
	ResponseEntity<Resource> download(@PathVariable String name) {
		return file(this.store.find(PictureName.fromPath(name)), ContentDisposition.attachment());
	}

	private ResponseEntity<Resource> file(PictureStore.Found found, ContentDisposition.Builder disposition) {
		Picture picture = found.picture();
		InputStream content = this.store.open(found);
		return ResponseEntity.ok()
			.contentType(mediaType(picture.name()))
			.contentLength(picture.size())
			.lastModified(picture.modifiedMillis())
			.cacheControl(CacheControl.noCache())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(picture.name().fileName(), StandardCharsets.UTF_8).build().toString())
			.body(new InputStreamResource(content));
	}

	@GetMapping(PictureUrls.THUMBNAIL + "{*name}")
	ResponseEntity<Resource> thumbnail(@PathVariable String name) throws IOException {
		PictureStore.Found found = this.store.find(PictureName.fromPath(name));
		Path thumbnail;
		try {
			thumbnail = this.thumbnails.thumbnail(found);
		}
		catch (NoSuchFileException ex) {
			throw new PictureStore.PictureNotFoundException(found.picture().name());
		}
		if (thumbnail == null) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("image/svg+xml"))
				.cacheControl(CacheControl.noCache())
				.body(PLACEHOLDER);
		}
		InputStream content;
		try {
			content = Files.newInputStream(thumbnail);
		}
		catch (NoSuchFileException ex) {
			// Removed with its picture meanwhile.
			throw new PictureStore.PictureNotFoundException(found.picture().name());
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.lastModified(found.picture().modifiedMillis())
			.cacheControl(CacheControl.noCache())
			.body(new InputStreamResource(content));
	}

	@DeleteMapping(PictureUrls.IMAGE + "{*name}")
	ResponseEntity<Void> delete(@PathVariable String name) throws IOException {
		PictureName picture = PictureName.fromPath(name);
		if (!this.deleter.delete(picture)) {
			throw new PictureStore.PictureNotFoundException(picture);
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * The selected pictures as one zip, written straight to the response on a download
	 * thread (never a stream's): never built in memory or on disk. Pictures that vanish
	 * before their turn are left out. Past the limits per user and address: 503.
	 */
	@PostMapping("/pictures/selection/zip")
	WebAsyncTask<Void> zip(@RequestParam(name = "name", required = false) List<String> names,
			@Nullable Principal principal, HttpServletRequest request, HttpServletResponse response) {
		List<PictureStore.Found> pictures = new ArrayList<>();
		for (PictureName name : PictureSelection.parse(names)) {
			try {
				pictures.add(this.store.find(name));
			}
			catch (PictureStore.PictureNotFoundException ex) {
				// Gone since the page was shown: the rest still makes a zip.
			}
		}
		if (pictures.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "None of the selected pictures exists any more");
		}
		Downloads.Permit permit = this.downloads.tryStart((principal != null) ? principal.getName() : "",
				request.getRemoteAddr());
		if (permit == null) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"Too many downloads at once: wait for one to finish, then try again.");
		}
		ContentDisposition attachment = ContentDisposition.attachment()
			.filename("camdash-pictures-" + ZIP_TIME.format(LocalDateTime.now()) + ".zip")
			.build();
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment.toString());
		WebAsyncTask<Void> task = new WebAsyncTask<>(null, new TaskExecutorAdapter(this.downloads.threads()), () -> {
			try {
				writeZip(pictures, response.getOutputStream());
				return null;
			}
			finally {
				permit.release();
			}
		});
		// Also when the zip never ran (the client left first).
		task.onCompletion(permit::release);
		return task;
	}

	private void writeZip(List<PictureStore.Found> pictures, OutputStream output) throws IOException {
		// Finished, not closed: the response stream belongs to the server.
		ZipOutputStream zip = new ZipOutputStream(output);
		// JPEG and PNG are compressed already: deflating them again only costs time.
		zip.setLevel(0);
		for (PictureStore.Found found : pictures) {
			// Opened without following links: a file swapped for a symlink meanwhile is
			// not read.
			try (InputStream content = Files.newInputStream(found.file(), LinkOption.NOFOLLOW_LINKS)) {
				zip.putNextEntry(new ZipEntry(found.picture().name().value()));
				content.transferTo(zip);
				zip.closeEntry();
			}
			catch (FileSystemException ex) {
				log.debug("Picture {} vanished or changed before it was zipped", found.picture().name());
			}
		}
		zip.finish();
		zip.flush();
	}

	private static MediaType mediaType(PictureName name) {
		return name.extension().equals("png") ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG;
	}

}
