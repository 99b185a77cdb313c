package io.camdash.camera.source;

import java.io.IOException;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An http(s) camera URL: FFmpeg reads what it sends (MJPEG, video), unless what it finds
 * there is one JPEG or PNG image. FFmpeg would take such an image for a stream that ends
 * after one frame, so the URL is then polled like a {@code snapshot:} URL instead.
 */
final class HttpCameraSource implements PacketSource {

	private static final Logger log = LoggerFactory.getLogger(HttpCameraSource.class);

	private final SourceSettings settings;

	private final FfmpegSource ffmpeg;

	/** The FFmpeg source, or the snapshot source that replaced it. */
	private FrameSource delegate;

	HttpCameraSource(SourceSettings settings) {
		this.settings = settings;
		this.ffmpeg = new FfmpegSource(settings);
		this.delegate = this.ffmpeg;
	}

	@Override
	public void open() throws IOException {
		this.ffmpeg.open();
		if (this.ffmpeg.isOneImage()) {
			this.ffmpeg.close();
			this.delegate = new SnapshotUrlSource(this.settings);
			log.debug("Source {} answers with one image: polling it {} times a second",
					this.settings.source().describe(), this.settings.fps());
		}
	}

	@Override
	public Mat grab() throws IOException, InterruptedException {
		return this.delegate.grab();
	}

	@Override
	public @Nullable H264Track h264Track() {
		return (this.delegate == this.ffmpeg) ? this.ffmpeg.h264Track() : null;
	}

	@Override
	public H264Packet readPacket() throws IOException {
		return this.ffmpeg.readPacket();
	}

	@Override
	public @Nullable Mat decode(H264Packet packet) throws IOException {
		return this.ffmpeg.decode(packet);
	}

	@Override
	public void stopDecoding() {
		this.ffmpeg.stopDecoding();
	}

	@Override
	public @Nullable AudioTrack audioTrack() {
		return (this.delegate == this.ffmpeg) ? this.ffmpeg.audioTrack() : null;
	}

	@Override
	public List<AudioPacket> takeAudio() {
		return this.ffmpeg.takeAudio();
	}

	@Override
	public long frameIntervalNanos() {
		return this.delegate.frameIntervalNanos();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
