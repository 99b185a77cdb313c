package io.camdash.motion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraId;
import io.camdash.camera.CameraRegistry;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The events page (one day, newest first, filtered by camera), event clips, and deleting
 * an event (its picture, clip and record).
 */
@Controller
class EventsController {

	static final String EVENTS_VIEW = "motion/events";

	private final EventFiles files;

	private final CameraRegistry cameras;

	EventsController(EventFiles files, CameraRegistry cameras) {
		this.files = files;
		this.cameras = cameras;
	}

	@GetMapping(EventLinks.EVENTS)
	String events(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String camera,
			Model model) {
		String filter = checkCamera(camera);
		List<LocalDate> days = this.files.days(filter);
		LocalDate shown = day.isEmpty() ? (days.isEmpty() ? LocalDate.now(this.files.zone()) : days.get(0))
				: parseDay(day);
		List<EventView> events = this.files.day(shown, filter)
			.stream()
			.map((event) -> EventView.of(event, this.files.zone(), this.files.clip(event.id()).isPresent()))
			.toList();
		model.addAttribute("events", events);
		model.addAttribute("day", shown);
		model.addAttribute("days", days);
		model.addAttribute("camera", filter);
		model.addAttribute("cameras", this.cameras.all().stream().map(Camera::id).toList());
		return EVENTS_VIEW;
	}

	@GetMapping(EventLinks.CLIP + "{id}.mp4")
	ResponseEntity<Resource> clip(@PathVariable String id) {
		Path clip = this.files.clip(checkId(id)).orElseThrow(() -> notFound(id));
		// A Resource answers Range requests, which browsers use to seek in a video.
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("video/mp4"))
			.cacheControl(CacheControl.noCache())
			.body(new FileSystemResource(clip));
	}

	@PostMapping(EventLinks.DELETE + "{id}")
	String delete(@PathVariable String id, @RequestParam(defaultValue = "") String camera,
			@RequestParam(defaultValue = "") String day, RedirectAttributes redirect) throws IOException {
		if (!this.files.delete(checkId(id))) {
			throw notFound(id);
		}
		redirect.addFlashAttribute("message", "Deleted the event " + id + ".");
		if (!camera.isEmpty()) {
			redirect.addAttribute("camera", checkCamera(camera));
		}
		if (!day.isEmpty()) {
			redirect.addAttribute("day", parseDay(day).toString());
		}
		return "redirect:" + EventLinks.EVENTS;
	}

	private static String checkId(String id) {
		if (!EventFiles.ID.matcher(id).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not an event name");
		}
		return id;
	}

	private static ResponseStatusException notFound(String id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No event " + id);
	}

	private static String checkCamera(String camera) {
		if (!camera.isEmpty() && !CameraId.isValid(camera)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a camera id");
		}
		return camera;
	}

	private static LocalDate parseDay(String day) {
		LocalDate parsed = EventFiles.parseDay(day);
		if (parsed == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a day (yyyy-mm-dd)");
		}
		return parsed;
	}

}
