package io.camdash.camera.source;

import org.springframework.stereotype.Component;

/** Creates the frame source of a camera each time its capture (re)opens. */
@Component
public class FrameSourceFactory {

	public FrameSource create(SourceSettings settings) {
		return switch (settings.source().kind()) {
			case TEST_PATTERN -> new TestPatternSource(settings);
			case DEVICE -> new DeviceSource(settings);
			case FILE, NETWORK -> new FfmpegSource(settings);
			case FOLDER -> new FolderSource(settings);
		};
	}

}
