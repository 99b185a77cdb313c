package io.camdash.settings.cameras;

import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraRegistry;
import io.camdash.camera.CameraSettings;
import io.camdash.settings.SettingsFile;
import io.camdash.storage.WriteProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings' cameras (ADMIN only, under {@code /settings/**}): every camera in display
 * order with where it is configured; the settings file's cameras added, changed,
 * reordered, removed and tested here and applied at once. Cameras of the configuration
 * ({@code application.yaml}, arguments) are read-only here.
 */
@Controller
class CamerasSettingsController {

	static final String CAMERAS_URL = "/settings/cameras";

	static final String CAMERAS_VIEW = "settings/cameras";

	static final String FORM_VIEW = "settings/camera-form";

	private final CameraRegistry cameras;

	private final FileCameras fileCameras;

	private final SettingsFile file;

	private final SourceTrial trial;

	CamerasSettingsController(CameraRegistry cameras, FileCameras fileCameras, SettingsFile file, SourceTrial trial) {
		this.cameras = cameras;
		this.fileCameras = fileCameras;
		this.file = file;
		this.trial = trial;
	}

	@GetMapping(CAMERAS_URL)
	String list(Model model) {
		Set<String> fromFile = Set.copyOf(this.fileCameras.ids());
		List<CameraRow> rows = new ArrayList<>();
		for (Camera camera : this.cameras.all()) {
			rows.add(CameraRow.of(camera.settings(), fromFile.contains(camera.id())));
		}
		model.addAttribute("cameras", rows);
		model.addAttribute("settingsFile", this.file.path().toString());
		return CAMERAS_VIEW;
	}

	@GetMapping(CAMERAS_URL + "/new")
	String newCamera(Model model) {
		return form(model, new CameraForm(), null, List.of());
	}

	@PostMapping(CAMERAS_URL + "/new")
	String add(@ModelAttribute("camera") CameraForm form, @RequestParam(defaultValue = "save") String action,
			Principal user, Model model, RedirectAttributes redirect) throws InterruptedException {
		Map<String, Object> camera = form.toCamera(null);
		try {
			if (action.equals("test")) {
				return tested(model, form, null, this.fileCameras.checkNew(camera));
			}
			this.fileCameras.add(user.getName(), camera);
		}
		catch (InvalidCamerasException ex) {
			return form(model, form, null, ex.problems());
		}
		catch (UncheckedIOException ex) {
			return form(model, form, null, List.of(notSaved(ex)));
		}
		redirect.addFlashAttribute("message", "Added camera " + form.getId().strip() + "; it runs now.");
		return "redirect:" + CAMERAS_URL;
	}

	@GetMapping(CAMERAS_URL + "/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		return form(model, CameraForm.of(stored(id)), id, List.of());
	}

	@PostMapping(CAMERAS_URL + "/{id}/edit")
	String change(@PathVariable String id, @ModelAttribute("camera") CameraForm form,
			@RequestParam(defaultValue = "save") String action, Principal user, Model model,
			RedirectAttributes redirect) throws InterruptedException {
		Map<String, Object> camera = form.toCamera(stored(id));
		// The id names the camera in URLs, files and metrics: another id is another
		// camera.
		camera.put("id", id);
		form.setId(id);
		try {
			if (action.equals("test")) {
				return tested(model, form, id, this.fileCameras.checkChange(id, camera));
			}
			this.fileCameras.change(user.getName(), id, camera);
		}
		catch (InvalidCamerasException ex) {
			return form(model, form, id, ex.problems());
		}
		catch (UncheckedIOException ex) {
			return form(model, form, id, List.of(notSaved(ex)));
		}
		redirect.addFlashAttribute("message", "Saved camera " + id + "; it restarted with its new settings.");
		return "redirect:" + CAMERAS_URL;
	}

	@PostMapping(CAMERAS_URL + "/{id}/delete")
	String remove(@PathVariable String id, Principal user, RedirectAttributes redirect) throws InterruptedException {
		stored(id);
		try {
			this.fileCameras.remove(user.getName(), id);
			redirect.addFlashAttribute("message", "Removed camera " + id + "; its pictures stay.");
		}
		catch (InvalidCamerasException ex) {
			redirect.addFlashAttribute("error", "Camera " + id + " was not removed: " + ex.getMessage());
		}
		catch (UncheckedIOException ex) {
			redirect.addFlashAttribute("error", notSaved(ex));
		}
		return "redirect:" + CAMERAS_URL;
	}

	@PostMapping(CAMERAS_URL + "/{id}/move")
	String move(@PathVariable String id, @RequestParam String direction, Principal user, RedirectAttributes redirect)
			throws InterruptedException {
		stored(id);
		try {
			this.fileCameras.move(user.getName(), id, direction.equals("up") ? -1 : 1);
		}
		catch (UncheckedIOException ex) {
			redirect.addFlashAttribute("error", notSaved(ex));
		}
		return "redirect:" + CAMERAS_URL;
	}

	private Map<String, Object> stored(String id) {
		return this.fileCameras.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					this.cameras.find(id).isPresent()
							? "Camera " + id + " comes from the configuration: change it in application.yaml."
							: "No such camera in the settings file."));
	}

	private String tested(Model model, CameraForm form, @Nullable String id, CameraSettings settings)
			throws InterruptedException {
		model.addAttribute("trial", this.trial.grabOne(settings));
		return form(model, form, id, List.of());
	}

	private String form(Model model, CameraForm form, @Nullable String id, List<String> problems) {
		model.addAttribute("camera", form);
		model.addAttribute("editing", id);
		model.addAttribute("kinds", CameraForm.Kind.values());
		model.addAttribute("problems", problems);
		return FORM_VIEW;
	}

	private String notSaved(UncheckedIOException ex) {
		return "Not saved: " + WriteProblem.describe(ex.getCause(), "the data folder") + ".";
	}

	/**
	 * One camera as the page lists it; its source with user info and query values masked.
	 */
	record CameraRow(String id, String name, String source, String size, int fps, boolean fromFile) {

		static CameraRow of(CameraSettings settings, boolean fromFile) {
			String size = (settings.width() > 0 && settings.height() > 0) ? settings.width() + "×" + settings.height()
					: "the source's own";
			return new CameraRow(settings.id(), settings.name(), settings.source().describe(), size, settings.fps(),
					fromFile);
		}

	}

}
