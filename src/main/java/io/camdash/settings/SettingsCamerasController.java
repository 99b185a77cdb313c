package io.camdash.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.camdash.camera.Camera;
import io.camdash.camera.CameraRegistry;
import io.camdash.camera.CameraSettings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The cameras page of the settings ({@code /settings/cameras}, ADMIN only): every camera
 * in display order, with where it is configured. Cameras of the configuration
 * ({@code application.yaml}, arguments) are read-only here.
 */
@Controller
class SettingsCamerasController {

	static final String CAMERAS_URL = "/settings/cameras";

	static final String CAMERAS_VIEW = "settings/cameras";

	private static final Pattern FILE_CAMERA_ID = Pattern.compile("cameras\\[\\d+]\\.id");

	private final CameraRegistry cameras;

	private final SettingsFile file;

	/** The ids of the cameras that came from the settings file at start. */
	private final Set<String> fileCameraIds;

	SettingsCamerasController(CameraRegistry cameras, SettingsFile file) {
		this.cameras = cameras;
		this.file = file;
		this.fileCameraIds = file.read()
			.map((settings) -> settings.getSource()
				.keySet()
				.stream()
				.filter((key) -> FILE_CAMERA_ID.matcher(key).matches())
				.map((key) -> String.valueOf(settings.getProperty(key)))
				.collect(Collectors.toUnmodifiableSet()))
			.orElse(Set.of());
	}

	@GetMapping(CAMERAS_URL)
	String list(Model model) {
		List<CameraRow> rows = new ArrayList<>();
		for (Camera camera : this.cameras.all()) {
			rows.add(CameraRow.of(camera.settings(), this.fileCameraIds.contains(camera.id())));
		}
		model.addAttribute("cameras", rows);
		model.addAttribute("settingsFile", this.file.path().toString());
		return CAMERAS_VIEW;
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
