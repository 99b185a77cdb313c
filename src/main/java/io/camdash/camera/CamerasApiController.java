package io.camdash.camera;

import java.util.List;

import io.camdash.api.ApiController;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The API's cameras: each one's id, name and status (LIVE, NO_SIGNAL, ...). */
@ApiController
class CamerasApiController {

	private final CameraRegistry cameras;

	CamerasApiController(CameraRegistry cameras) {
		this.cameras = cameras;
	}

	@GetMapping("/cameras")
	@Operation(summary = "Every camera and its status")
	List<CameraStatus> cameras() {
		return this.cameras.all().stream().map(Camera::status).toList();
	}

	@GetMapping("/cameras/{id}")
	@Operation(summary = "One camera and its status")
	CameraStatus camera(@PathVariable String id) {
		return this.cameras.require(id).status();
	}

}
