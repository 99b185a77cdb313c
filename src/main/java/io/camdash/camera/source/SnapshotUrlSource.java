package io.camdash.camera.source;

import java.io.IOException;
import java.util.Arrays;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A camera that offers one JPEG or PNG image per request (the snapshot URL of many cheap
 * IP cameras): fetched once per frame at the camera's fps and decoded with OpenCV. The
 * capture thread waits for each answer before asking again, so requests never pile up on
 * a slow camera.
 */
final class SnapshotUrlSource implements EncodedFrameSource {

	private final SnapshotFetcher fetcher;

	private final long intervalNanos;

	private final ImageDecoder decoder = new ImageDecoder();

	SnapshotUrlSource(SourceSettings settings) {
		this.fetcher = new SnapshotFetcher(settings.source().location(),
				(int) Math.min(Integer.MAX_VALUE, settings.stallTimeout().toMillis()));
		this.intervalNanos = 1_000_000_000L / settings.fps();
	}

	@Override
	public void open() {
		// Nothing to open: each frame is a request of its own.
	}

	@Override
	public byte[] grabEncoded() throws IOException {
		this.fetcher.fetch();
		return Arrays.copyOf(this.fetcher.body(), this.fetcher.length());
	}

	@Override
	public Mat decode(byte[] encoded) throws IOException {
		String type = this.fetcher.contentType();
		return this.decoder.decode(encoded, encoded.length,
				"the camera's answer is not a JPEG or PNG image" + ((type != null) ? " (" + type + ")" : ""));
	}

	@Override
	public long frameIntervalNanos() {
		return this.intervalNanos;
	}

	@Override
	public void close() {
		this.decoder.close();
	}

}
