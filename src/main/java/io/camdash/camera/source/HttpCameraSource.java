package io.camdash.camera.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An http(s) camera URL, read the way its answer asks: an MJPEG stream
 * ({@code multipart/x-mixed-replace}) part by part as JPEGs ({@link MjpegHttpSource}),
 * one JPEG or PNG image by polling the URL like a {@code snapshot:} URL, anything else
 * (video over HTTP, an HLS playlist) through FFmpeg, whose H.264 is handed on as packets.
 * FFmpeg would take a single image for a stream that ends after one frame, and would
 * decode every MJPEG frame that could have been passed on as it came.
 */
final class HttpCameraSource implements EncodedFrameSource, PacketSource {

	private static final Logger log = LoggerFactory.getLogger(HttpCameraSource.class);

	private final SourceSettings settings;

	/** The source chosen from the answer, once open. */
	private @Nullable FrameSource delegate;

	HttpCameraSource(SourceSettings settings) {
		this.settings = settings;
	}

	@Override
	public void open() throws IOException {
		SnapshotFetcher fetcher = new SnapshotFetcher(this.settings.source().location(),
				(int) Math.min(Integer.MAX_VALUE, this.settings.stallTimeout().toMillis()));
		InputStream stream;
		try {
			stream = fetcher.openStream();
		}
		catch (IOException ex) {
			throw new IOException("cannot open " + this.settings.source().describeForViewers() + ": " + ex.getMessage(),
					ex);
		}
		if (stream != null) {
			this.delegate = new MjpegHttpSource(this.settings, fetcher, stream);
			return;
		}
		String type = String.valueOf(fetcher.contentType()).toLowerCase(Locale.ROOT);
		if (type.startsWith("image/jpeg") || type.startsWith("image/png")) {
			pollImages();
			return;
		}
		FfmpegSource ffmpeg = new FfmpegSource(this.settings);
		this.delegate = ffmpeg;
		ffmpeg.open();
		if (ffmpeg.isOneImage()) {
			ffmpeg.close();
			pollImages();
		}
	}

	private void pollImages() {
		this.delegate = new SnapshotUrlSource(this.settings);
		log.debug("Source {} answers with one image: polling it {} times a second", this.settings.source().describe(),
				this.settings.fps());
	}

	@Override
	public boolean givesEncodedFrames() {
		return this.delegate instanceof EncodedFrameSource;
	}

	@Override
	public byte[] grabEncoded() throws IOException, InterruptedException {
		return ((EncodedFrameSource) opened()).grabEncoded();
	}

	@Override
	public Mat decode(byte[] encoded) throws IOException {
		return ((EncodedFrameSource) opened()).decode(encoded);
	}

	@Override
	public Mat grab() throws IOException, InterruptedException {
		return opened().grab();
	}

	@Override
	public @Nullable H264Track h264Track() {
		return (this.delegate instanceof PacketSource packets) ? packets.h264Track() : null;
	}

	@Override
	public H264Packet readPacket() throws IOException {
		return ((PacketSource) opened()).readPacket();
	}

	@Override
	public @Nullable Mat decode(H264Packet packet) throws IOException {
		return ((PacketSource) opened()).decode(packet);
	}

	@Override
	public void stopDecoding() {
		((PacketSource) opened()).stopDecoding();
	}

	@Override
	public @Nullable AudioTrack audioTrack() {
		return (this.delegate instanceof PacketSource packets) ? packets.audioTrack() : null;
	}

	@Override
	public List<AudioPacket> takeAudio() {
		return (this.delegate instanceof PacketSource packets) ? packets.takeAudio() : List.of();
	}

	@Override
	public long frameIntervalNanos() {
		return opened().frameIntervalNanos();
	}

	private FrameSource opened() {
		FrameSource source = this.delegate;
		if (source == null) {
			throw new IllegalStateException("the source is not open");
		}
		return source;
	}

	@Override
	public void close() {
		if (this.delegate != null) {
			this.delegate.close();
		}
	}

}
