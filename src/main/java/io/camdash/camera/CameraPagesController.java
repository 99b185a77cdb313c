package io.camdash.camera;

import java.util.List;

import io.camdash.security.Role;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The dashboard of all cameras, a live page per camera, and the live status those pages
 * poll.
 */
@Controller
class CameraPagesController {

	static final String DASHBOARD_VIEW = "camera/dashboard";

	static final String LIVE_VIEW = "camera/live";

	/**
	 * Browsers open at most 6 HTTP/1.1 connections per host; past this many tiles the
	 * dashboard refreshes stills instead of holding a stream per tile, so it never
	 * freezes.
	 */
	static final int MAX_STREAMING_TILES = 4;

	private final CameraRegistry cameras;

	CameraPagesController(CameraRegistry cameras) {
		this.cameras = cameras;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		List<Camera> all = this.cameras.all();
		model.addAttribute("cameras", all);
		model.addAttribute("streamingTiles", all.size() <= MAX_STREAMING_TILES);
		return DASHBOARD_VIEW;
	}

	@GetMapping("/cameras/{id}")
	String live(@PathVariable String id, Model model) {
		Camera camera = this.cameras.require(id);
		List<Camera> all = this.cameras.all();
		model.addAttribute("camera", camera);
		model.addAttribute("cameras", all);
		if (all.size() > 1) {
			// The cameras in a ring, for the previous/next buttons and their arrow keys.
			int index = all.indexOf(camera);
			model.addAttribute("previousCamera", all.get((index + all.size() - 1) % all.size()));
			model.addAttribute("nextCamera", all.get((index + 1) % all.size()));
		}
		return LIVE_VIEW;
	}

	@GetMapping("/cameras/{id}/status")
	@ResponseBody
	CameraStatus status(@PathVariable String id, HttpServletRequest request) {
		return statusFor(this.cameras.require(id), request);
	}

	@GetMapping("/cameras/status")
	@ResponseBody
	List<CameraStatus> statuses(HttpServletRequest request) {
		return this.cameras.all().stream().map((camera) -> statusFor(camera, request)).toList();
	}

	/**
	 * ADMINs see the source with secrets masked; others only its scheme, host and path.
	 * The API's cameras are shown the same way.
	 */
	static CameraStatus statusFor(Camera camera, HttpServletRequest request) {
		CameraStatus status = camera.status();
		return request.isUserInRole(Role.ADMIN.name()) ? status
				: status.withSource(camera.settings().source().describeForViewers());
	}

}
