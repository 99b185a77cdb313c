package io.camdash.publish;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code publish} list of each camera under {@code camdash.cameras[]}, bound on its
 * own so the camera package knows nothing of publishing.
 *
 * @param cameras the cameras, in the same order as configured
 */
@ConfigurationProperties("camdash")
public record PublishCamerasProperties(List<CameraPublish> cameras) {

	public PublishCamerasProperties {
		cameras = (cameras != null) ? List.copyOf(cameras) : List.of();
		for (int i = 0; i < cameras.size(); i++) {
			List<String> urls = cameras.get(i).publish();
			for (int j = 0; j < urls.size(); j++) {
				PublishTarget.parse("camdash.cameras[" + i + "].publish[" + j + "]", urls.get(j));
			}
		}
	}

	/** Every camera's targets, in the order configured. */
	List<CameraTargets> targets() {
		List<CameraTargets> all = new ArrayList<>();
		for (CameraPublish camera : this.cameras) {
			if (camera.id() != null && !camera.publish().isEmpty()) {
				all.add(new CameraTargets(camera.id(),
						camera.publish().stream().map((url) -> PublishTarget.parse("publish", url)).toList()));
			}
		}
		return all;
	}

	/**
	 * One camera's id and publish list.
	 *
	 * @param id the camera's id, as in {@code camdash.cameras[].id}
	 * @param publish media servers to publish the camera's H.264 to, all the time:
	 * {@code rtmp://} or {@code rtmps://} (FLV, e.g. nginx with the RTMP module, a
	 * streaming service's ingest) or {@code rtsp://} (ANNOUNCE and RECORD over TCP, e.g.
	 * MediaMTX); none by default
	 */
	public record CameraPublish(String id, List<String> publish) {

		public CameraPublish {
			publish = (publish != null) ? List.copyOf(publish) : List.of();
		}

	}

	record CameraTargets(String cameraId, List<PublishTarget> targets) {
	}

}
