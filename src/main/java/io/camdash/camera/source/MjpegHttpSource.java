package io.camdash.camera.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * An MJPEG stream over HTTP ({@code multipart/x-mixed-replace}, as IP cameras and other
 * camdash servers send it), read without FFmpeg: each part's JPEG is cut from the body as
 * it came, so the camera can pass it on without decoding it. Each read waits at most the
 * stall timeout.
 */
final class MjpegHttpSource implements EncodedFrameSource {

	private final SourceSettings settings;

	private final SnapshotFetcher connection;

	private final InputStream body;

	private final JpegStreamSplitter splitter;

	private final ImageDecoder decoder = new ImageDecoder();

	/**
	 * @param connection what opened the stream, which words its failures
	 * @param body the multipart body, closed with this source
	 */
	MjpegHttpSource(SourceSettings settings, SnapshotFetcher connection, InputStream body) {
		this.settings = settings;
		this.connection = connection;
		this.body = new BufferedInputStream(body, 64 * 1024);
		this.splitter = new JpegStreamSplitter(this.body, SnapshotFetcher.MAX_IMAGE_BYTES);
	}

	@Override
	public void open() {
		// Opened by HttpCameraSource, which had to see the answer to choose this source.
	}

	@Override
	public byte[] grabEncoded() throws IOException {
		byte[] frame;
		try {
			frame = this.splitter.next();
		}
		catch (IOException ex) {
			throw this.connection.explained(ex);
		}
		if (frame == null) {
			throw new IOException(this.settings.source().describeForViewers() + " ended");
		}
		return frame;
	}

	@Override
	public Mat decode(byte[] encoded) throws IOException {
		return this.decoder.decode(encoded, encoded.length, "a frame of the stream is not a JPEG image");
	}

	@Override
	public long frameIntervalNanos() {
		return 0;
	}

	@Override
	public void close() {
		try {
			this.body.close();
		}
		catch (IOException ex) {
			// Closing a broken connection: nothing left to release.
		}
		this.decoder.close();
	}

}
