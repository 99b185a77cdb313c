package io.camdash.camera.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.camdash.camera.source.PiCameraProperties.Codec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;

/**
 * A Raspberry Pi camera module, through the system's {@code rpicam-vid} (libcamera) run
 * as a {@link CameraProgram} that writes what the Pi's hardware encoder makes to its
 * standard output. Asked for MJPEG, a thread of this source cuts the output into JPEGs,
 * which a camera without overlay passes on without decoding them. Asked for H.264, FFmpeg
 * reads the output (through an {@link InterruptibleInput}) as packets, which live H.264
 * passes on without encoding them. When the program ends, the next read fails saying why
 * (its last line on standard error, such as a camera in use by another program), and the
 * capture loop starts it again with its backoff.
 */
final class PiCameraSource implements EncodedFrameSource, PacketSource {

	/** The largest frame accepted: far above a 4K JPEG. */
	static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

	/** H.264 held between the program and FFmpeg: seconds of 1080p. */
	private static final int H264_BUFFER_BYTES = 4 * 1024 * 1024;

	private final SourceSettings settings;

	private final PiCameraProperties properties;

	private final String searchPath;

	private final ImageDecoder decoder = new ImageDecoder();

	private final FrameHandoff frames = new FrameHandoff();

	private @Nullable CameraProgram program;

	/** The program's H.264, when asked for it. */
	private @Nullable FfmpegSource video;

	private @Nullable InterruptibleInput videoInput;

	/**
	 * @param searchPath where program names are looked up: the PATH, folders separated by
	 * {@code :}
	 */
	PiCameraSource(SourceSettings settings, PiCameraProperties properties, String searchPath) {
		this.settings = settings;
		this.properties = properties;
		this.searchPath = searchPath;
	}

	/** The command run for a camera: the program, then its options. */
	static List<String> command(String program, SourceSettings settings, Codec codec) {
		List<String> command = new ArrayList<>(List.of(program, "--camera", settings.source().location()));
		if (settings.width() > 0 && settings.height() > 0) {
			command.addAll(List.of("--width", Integer.toString(settings.width()), "--height",
					Integer.toString(settings.height())));
		}
		String fps = Integer.toString(settings.fps());
		command.addAll(List.of("--framerate", fps));
		if (codec == Codec.H264) {
			// A keyframe every second, each with its parameter sets (--inline): a new
			// viewer starts within a second. Browsers play the high profile.
			command.addAll(List.of("--codec", "h264", "--profile", "high", "--intra", fps, "--inline"));
		}
		else {
			command.addAll(List.of("--codec", "mjpeg", "--quality", Integer.toString(settings.jpegQuality())));
		}
		command.addAll(List.of("--timeout", "0", "--nopreview", "--flush", "--output", "-"));
		return command;
	}

	@Override
	public void open() throws IOException {
		Path found = locateProgram();
		String thread = "camdash-picamera-" + this.settings.source().location();
		Codec codec = this.properties.codec();
		CameraProgram started = CameraProgram.start(command(found.toString(), this.settings, codec), thread);
		this.program = started;
		if (codec == Codec.H264) {
			openVideo(started, thread);
		}
		else {
			Thread reader = new Thread(() -> readFrames(started), thread);
			reader.setDaemon(true);
			reader.start();
		}
	}

	/**
	 * The program to run: the configured one, and for the default, libcamera-vid when
	 * rpicam-vid is not installed.
	 */
	private Path locateProgram() throws IOException {
		String configured = this.properties.program();
		Path found = CameraProgram.locate(configured, this.searchPath);
		if (found == null && configured.equals(PiCameraProperties.DEFAULT_PROGRAM)) {
			found = CameraProgram.locate(PiCameraProperties.OLD_PROGRAM, this.searchPath);
		}
		if (found != null) {
			return found;
		}
		if (configured.equals(PiCameraProperties.DEFAULT_PROGRAM)) {
			throw new IOException("rpicam-vid (or libcamera-vid) is not installed: install rpicam-apps "
					+ "(sudo apt install rpicam-apps), or set camdash.picamera.program");
		}
		throw new IOException(configured + " is not installed or not executable (camdash.picamera.program)");
	}

	/** On the reading thread: cuts the MJPEG output into frames until it ends. */
	private void readFrames(CameraProgram running) {
		String reason;
		try (InputStream out = new BufferedInputStream(running.output(), 64 * 1024)) {
			JpegStreamSplitter splitter = new JpegStreamSplitter(out, MAX_FRAME_BYTES);
			byte[] frame;
			while ((frame = splitter.next()) != null) {
				this.frames.put(frame);
			}
			reason = running.name() + " stopped";
		}
		catch (IOException ex) {
			reason = running.name() + " stopped: " + CameraProgram.sanitized(String.valueOf(ex.getMessage()));
		}
		this.frames.end(running.ended(reason));
	}

	/** Opens FFmpeg on the program's H.264; it waits for the first frames. */
	private void openVideo(CameraProgram running, String thread) throws IOException {
		InterruptibleInput input = new InterruptibleInput(running.output(), H264_BUFFER_BYTES, thread);
		this.videoInput = input;
		FfmpegSource opening = new FfmpegSource(this.settings, input, "h264");
		this.video = opening;
		try {
			opening.open();
		}
		catch (IOException ex) {
			throw failure(running, ex);
		}
		if (opening.h264Track() == null) {
			throw new IOException(running.name() + " sent no H.264 video");
		}
	}

	/** A read of the program's H.264 failed: why, in the program's words if it ended. */
	private IOException failure(CameraProgram running, IOException ex) {
		if (Thread.currentThread().isInterrupted()) {
			return new IOException(running.name() + " sent nothing within the stall timeout", ex);
		}
		if (running.exited()) {
			return new IOException(running.ended(running.name() + " stopped"), ex);
		}
		return new IOException("the H.264 of " + running.name() + " cannot be read: " + ex.getMessage(), ex);
	}

	@Override
	public boolean givesEncodedFrames() {
		return this.video == null;
	}

	@Override
	public byte[] grabEncoded() throws IOException, InterruptedException {
		return this.frames.take();
	}

	@Override
	public Mat decode(byte[] encoded) throws IOException {
		return this.decoder.decode(encoded, encoded.length, "a frame from the camera module is not a JPEG image");
	}

	@Override
	public @Nullable H264Track h264Track() {
		return (this.video != null) ? this.video.h264Track() : null;
	}

	@Override
	public H264Packet readPacket() throws IOException {
		FfmpegSource source = opened();
		try {
			return source.readPacket();
		}
		catch (IOException ex) {
			throw failure(Objects.requireNonNull(this.program), ex);
		}
	}

	@Override
	public @Nullable Mat decode(H264Packet packet) throws IOException {
		return opened().decode(packet);
	}

	@Override
	public void stopDecoding() {
		opened().stopDecoding();
	}

	@Override
	public Mat grab() throws IOException, InterruptedException {
		return (this.video != null) ? this.video.grab() : decode(grabEncoded());
	}

	private FfmpegSource opened() {
		FfmpegSource source = this.video;
		if (source == null) {
			throw new IllegalStateException("the camera module was not asked for H.264");
		}
		return source;
	}

	@Override
	public long frameIntervalNanos() {
		return 0;
	}

	@Override
	public void close() {
		if (this.program != null) {
			this.program.close();
		}
		if (this.video != null) {
			this.video.close();
		}
		if (this.videoInput != null) {
			try {
				this.videoInput.close();
			}
			catch (IOException ex) {
				// An in-memory pipe: nothing to release.
			}
		}
		this.decoder.close();
	}

}
