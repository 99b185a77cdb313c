package io.camdash.camera;

import java.util.List;

import io.camdash.api.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The API's cameras: each one's id, name and status (LIVE, NO_SIGNAL, ...); the source as
 * the status page shows it to the same user (never a secret to a VIEWER).
 */
@ApiController
class CamerasApiController {

	private final CameraRegistry cameras;

	CamerasApiController(CameraRegistry cameras) {
		this.cameras = cameras;
	}

	@GetMapping("/cameras")
	@Operation(summary = "Every camera and its status")
	List<CameraStatus> cameras(HttpServletRequest request) {
		return this.cameras.all().stream().map((camera) -> CameraPagesController.statusFor(camera, request)).toList();
	}

	@GetMapping("/cameras/{id}")
	@Operation(summary = "One camera and its status")
	CameraStatus camera(@PathVariable String id, HttpServletRequest request) {
		return CameraPagesController.statusFor(this.cameras.require(id), request);
	}

}
