package io.camdash.camera;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The cameras, under {@code camdash.cameras[]}.
 *
 * @param cameras the cameras in display order; one test-pattern camera named "cam" when
 * empty
 */
@ConfigurationProperties("camdash")
@Validated
public record CamerasProperties(List<@Valid CameraSettings> cameras) {

	public CamerasProperties {
		if (cameras == null || cameras.isEmpty()) {
			cameras = List.of(CameraSettings.defaultTestPattern());
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < cameras.size(); i++) {
			String id = cameras.get(i).id();
			if (id != null && !ids.add(id)) {
				throw new IllegalArgumentException("camdash.cameras[" + i + "].id: duplicate camera id '" + id
						+ "'; each camera needs its own id");
			}
		}
		cameras = List.copyOf(cameras);
	}

}
