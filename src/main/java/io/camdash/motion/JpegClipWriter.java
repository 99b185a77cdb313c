package io.camdash.motion;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jspecify.annotations.Nullable;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/**
 * Encodes a clip from the camera's JPEG frames: H.264 (libopenh264, which every browser
 * plays) in an MP4 with its index at the front. For cameras whose own video cannot be
 * copied ({@link PacketClipWriter}). Each frame keeps its capture time: gaps stay gaps
 * and the clip plays in real time.
 */
final class JpegClipWriter implements ClipWriter {

	private final int fps;

	private final Counter encoded;

	private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();

	private @Nullable FFmpegFrameRecorder recorder;

	private @Nullable Instant first;

	private long lastFrameNumber = -1;

	private int frames;

	private boolean closed;

	/**
	 * @param fps the camera's frame rate: the clip's time base
	 * @param encoded counts the frames encoded
	 */
	JpegClipWriter(int fps, Counter encoded) {
		this.fps = Math.max(1, fps);
		this.encoded = encoded;
	}

	@Override
	public Class<ClipFrame> items() {
		return ClipFrame.class;
	}

	@Override
	public void write(Path file, ClipItem item) throws Exception {
		ClipFrame frame = (ClipFrame) item;
		if (this.recorder == null) {
			this.first = frame.capturedAt();
			this.recorder = open(file, frame.width(), frame.height());
		}
		// A frame number from the capture time, never going back.
		long number = Math.round(Duration.between(this.first, frame.capturedAt()).toNanos() * this.fps / 1e9);
		number = Math.max(number, this.lastFrameNumber + 1);
		try (Mat image = decode(frame.jpeg())) {
			if (image == null) {
				return;
			}
			this.recorder.setFrameNumber((int) number);
			this.recorder.record(this.converter.convert(image));
		}
		this.encoded.increment();
		this.lastFrameNumber = number;
		this.frames++;
	}

	@Override
	public Written finish() throws Exception {
		if (this.recorder == null || this.first == null) {
			throw new IllegalStateException("no frames for the clip");
		}
		this.recorder.stop();
		return new Written(this.first, (this.lastFrameNumber + 1) / (double) this.fps, this.frames);
	}

	private FFmpegFrameRecorder open(Path temp, int width, int height) throws Exception {
		// Even sizes: H.264 in 4:2:0 needs them (FFmpeg scales the odd pixel away).
		FFmpegFrameRecorder opening = new FFmpegFrameRecorder(temp.toFile(), width & ~1, height & ~1, 0);
		opening.setFormat("mp4");
		opening.setVideoCodecName("libopenh264");
		opening.setVideoCodec(avcodec.AV_CODEC_ID_H264);
		opening.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
		opening.setFrameRate(this.fps);
		opening.setGopSize(this.fps * 2);
		// About 0.1 bit per pixel: clear at 720p, a few MB a minute.
		opening.setVideoBitrate((int) Math.min(8_000_000L, (long) width * height * this.fps / 10));
		// The index at the front, so a browser starts playing before it has the whole
		// file.
		opening.setOption("movflags", "+faststart");
		opening.start();
		return opening;
	}

	private static @Nullable Mat decode(byte[] jpeg) {
		try (BytePointer data = new BytePointer(jpeg); Mat encoded = new Mat(1, jpeg.length, CV_8UC1, data)) {
			Mat image = imdecode(encoded, IMREAD_COLOR);
			if (image == null || image.empty()) {
				return null;
			}
			return image;
		}
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.recorder != null) {
			try {
				this.recorder.release();
			}
			catch (Exception ex) {
				// Nothing left to release: the recorder frees its native state first.
			}
			this.recorder = null;
		}
		this.converter.close();
	}

}
