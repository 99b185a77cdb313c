package io.camdash.motion;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code motion} section of each camera under {@code camdash.cameras[]}, bound on its
 * own so the camera package knows nothing of motion (the rest of each camera is bound by
 * the camera package's own properties).
 *
 * @param cameras the cameras, in the same order as configured
 */
@ConfigurationProperties("camdash")
@Validated
public record MotionCamerasProperties(List<@Valid CameraMotion> cameras) {

	public MotionCamerasProperties {
		cameras = (cameras != null) ? List.copyOf(cameras) : List.of();
	}

	/** The motion settings of a camera: off when it has none. */
	MotionSettings of(String cameraId) {
		return this.cameras.stream()
			.filter((camera) -> cameraId.equals(camera.id()))
			.map(CameraMotion::motion)
			.findFirst()
			.orElse(MotionSettings.off());
	}

	/** Whether any camera has motion on. */
	boolean anyEnabled() {
		return this.cameras.stream().map(CameraMotion::motion).anyMatch(MotionSettings::enabled);
	}

	/**
	 * One camera's id and motion section.
	 *
	 * @param id the camera's id, as in {@code camdash.cameras[].id}
	 * @param motion its motion detection settings; off unless {@code enabled}
	 */
	public record CameraMotion(String id, @DefaultValue @Valid MotionSettings motion) {

		Optional<String> enabledId() {
			return (this.motion.enabled()) ? Optional.ofNullable(this.id) : Optional.empty();
		}

	}

}
