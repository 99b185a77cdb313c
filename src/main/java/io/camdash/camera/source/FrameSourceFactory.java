package io.camdash.camera.source;

import java.util.Locale;

import org.springframework.stereotype.Component;

/** Creates the frame source of a camera each time its capture (re)opens. */
@Component
public class FrameSourceFactory {

	public FrameSource create(SourceSettings settings) {
		return switch (settings.source().kind()) {
			case TEST_PATTERN -> new TestPatternSource(settings);
			case DEVICE -> new DeviceSource(settings);
			case FILE -> new FfmpegSource(settings);
			case NETWORK -> settings.source().location().toLowerCase(Locale.ROOT).startsWith("http")
					? new HttpCameraSource(settings) : new FfmpegSource(settings);
			case FOLDER -> new FolderSource(settings);
			case SNAPSHOT -> new SnapshotUrlSource(settings);
		};
	}

}
