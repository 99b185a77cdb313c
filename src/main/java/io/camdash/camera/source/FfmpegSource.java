package io.camdash.camera.source;

import java.io.IOException;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A video file (looped, paced at its own frame rate) or a network camera (RTSP, HTTP,
 * MJPEG over HTTP) through FFmpeg.
 */
final class FfmpegSource implements FrameSource {

	static {
		// FFmpeg prints to stderr by default; keep only its errors, through our logging.
		avutil.av_log_set_level(avutil.AV_LOG_ERROR);
		FFmpegLogCallback.set();
	}

	private final SourceSettings settings;

	private final boolean loop;

	private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();

	private FFmpegFrameGrabber grabber;

	private long intervalNanos;

	FfmpegSource(SourceSettings settings) {
		this.settings = settings;
		this.loop = settings.source().kind() == SourceSpec.Kind.FILE;
	}

	@Override
	public void open() throws IOException {
		FFmpegFrameGrabber opening = new FFmpegFrameGrabber(this.settings.source().location());
		opening.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
		if (!this.loop) {
			String micros = Long.toString(this.settings.stallTimeout().toNanos() / 1000);
			// Without these a dead network camera blocks grab() for minutes.
			opening.setOption("rw_timeout", micros);
			opening.setOption("timeout", micros);
			if (this.settings.source().location().startsWith("rtsp")) {
				opening.setOption("rtsp_transport", "tcp");
			}
		}
		try {
			opening.start();
		}
		catch (FrameGrabber.Exception ex) {
			closeQuietly(opening);
			throw new IOException("cannot open " + this.settings.source().describeForViewers() + ": " + explain(ex),
					ex);
		}
		this.grabber = opening;
		double rate = opening.getFrameRate();
		this.intervalNanos = (!this.loop) ? 0
				: (long) (1_000_000_000L / ((rate > 0.5 && rate <= 240) ? rate : this.settings.fps()));
	}

	/**
	 * Whether FFmpeg found one still image (a JPEG or PNG answer) rather than a stream;
	 * asked after {@link #open()}.
	 */
	boolean isOneImage() {
		String format = this.grabber.getFormatContext().iformat().name().getString();
		return "jpeg_pipe".equals(format) || "png_pipe".equals(format);
	}

	@Override
	public Mat grab() throws IOException {
		try {
			Frame frame = this.grabber.grabImage();
			if (frame == null && this.loop) {
				this.grabber.setTimestamp(0L);
				frame = this.grabber.grabImage();
			}
			if (frame == null) {
				throw new IOException(this.settings.source().describeForViewers() + " ended");
			}
			return this.converter.convert(frame);
		}
		catch (FrameGrabber.Exception ex) {
			throw new IOException("reading " + this.settings.source().describeForViewers() + " failed: " + explain(ex),
					ex);
		}
	}

	@Override
	public long frameIntervalNanos() {
		return this.intervalNanos;
	}

	@Override
	public void close() {
		if (this.grabber != null) {
			closeQuietly(this.grabber);
		}
		this.converter.close();
	}

	/**
	 * JavaCV's message without the URL's credentials and without its hints for
	 * programmers.
	 */
	private String explain(FrameGrabber.Exception ex) {
		String message = String.valueOf(ex.getMessage())
			.replace(this.settings.source().location(), this.settings.source().describeForViewers())
			.replaceAll("\\s*\\((Has setFormat|For more details)[^)]*\\)", "");
		return message.replace("error -111", "connection refused (error -111)")
			.replace("error -110", "timed out (error -110)")
			.replace("error -2:", "no such file (error -2):");
	}

	private static void closeQuietly(FFmpegFrameGrabber grabber) {
		try {
			grabber.close();
		}
		catch (FrameGrabber.Exception ex) {
			// Nothing left to release: the grabber frees its native state before it
			// throws.
		}
	}

}
