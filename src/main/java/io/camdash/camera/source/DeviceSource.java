package io.camdash.camera.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;

import static org.bytedeco.opencv.global.opencv_videoio.CAP_ANY;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FPS;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FRAME_HEIGHT;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FRAME_WIDTH;

/**
 * A local V4L2 camera through OpenCV's VideoCapture (FFmpeg's avdevice needs PulseAudio
 * libraries).
 */
final class DeviceSource implements FrameSource {

	private final String device;

	private final SourceSettings settings;

	private VideoCapture capture;

	private Mat frame;

	DeviceSource(SourceSettings settings) {
		this.device = settings.source().location();
		this.settings = settings;
	}

	private Path devicePath() {
		return Path.of(this.device.startsWith("/") ? this.device : "/dev/video" + this.device);
	}

	@Override
	public void open() throws IOException {
		Path path = devicePath();
		if (!Files.exists(path)) {
			throw new IOException("no video device " + path + " on this machine (is the camera plugged in?)");
		}
		this.capture = this.device.startsWith("/") ? new VideoCapture(this.device, CAP_ANY)
				: new VideoCapture(Integer.parseInt(this.device), CAP_ANY);
		if (!this.capture.isOpened()) {
			throw new IOException("video device " + path + " exists but cannot be opened (busy, or no permission?)");
		}
		if (this.settings.width() > 0 && this.settings.height() > 0) {
			this.capture.set(CAP_PROP_FRAME_WIDTH, this.settings.width());
			this.capture.set(CAP_PROP_FRAME_HEIGHT, this.settings.height());
		}
		this.capture.set(CAP_PROP_FPS, this.settings.fps());
		this.frame = new Mat();
	}

	@Override
	public Mat grab() throws IOException {
		if (!this.capture.read(this.frame) || this.frame.empty()) {
			throw new IOException("video device " + devicePath() + " returned no frame");
		}
		return this.frame;
	}

	@Override
	public long frameIntervalNanos() {
		return 0;
	}

	@Override
	public void close() {
		if (this.capture != null) {
			this.capture.release();
			this.capture.close();
		}
		if (this.frame != null) {
			this.frame.close();
		}
	}

}
