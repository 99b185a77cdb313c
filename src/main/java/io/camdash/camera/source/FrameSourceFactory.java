package io.camdash.camera.source;

import java.util.Locale;
import java.util.Objects;

import org.springframework.stereotype.Component;

/** Creates the frame source of a camera each time its capture (re)opens. */
@Component
public class FrameSourceFactory {

	private final PiCameraProperties piCamera;

	public FrameSourceFactory(PiCameraProperties piCamera) {
		this.piCamera = piCamera;
	}

	public FrameSource create(SourceSettings settings) {
		return switch (settings.source().kind()) {
			case TEST_PATTERN -> new TestPatternSource(settings);
			case DEVICE -> new DeviceSource(settings);
			case FILE -> new FfmpegSource(settings);
			case NETWORK -> settings.source().location().toLowerCase(Locale.ROOT).startsWith("http")
					? new HttpCameraSource(settings) : new FfmpegSource(settings);
			case FOLDER -> new FolderSource(settings);
			case SNAPSHOT -> new SnapshotUrlSource(settings);
			case PI_CAMERA -> new PiCameraSource(settings, this.piCamera,
					Objects.requireNonNullElse(System.getenv("PATH"), "/usr/local/bin:/usr/bin:/bin"));
		};
	}

}
