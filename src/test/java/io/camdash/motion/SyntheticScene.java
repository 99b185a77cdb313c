package io.camdash.motion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_16SC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_core.setRNGSeed;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/**
 * A generated video with known truth: a still, textured scene (random blocks, so there is
 * detail for noise and light to act on) with optional moving objects, light changes and
 * sensor noise. Frames come out as JPEG, as a camera's do.
 */
final class SyntheticScene {

	final int width;

	final int height;

	private final List<Mover> movers = new ArrayList<>();

	private final List<double[]> lightSteps = new ArrayList<>();

	private double lightRampPerSecond;

	private double noiseSigma;

	SyntheticScene(int width, int height) {
		this.width = width;
		this.height = height;
	}

	/**
	 * A dark square of {@code size} pixels, visible from {@code from} to {@code to}
	 * seconds, moving in a straight line between two points given in fractions of the
	 * frame.
	 */
	SyntheticScene mover(double from, double to, double x0, double y0, double x1, double y1, int size) {
		this.movers.add(new Mover(from, to, x0, y0, x1, y1, size));
		return this;
	}

	/** Brightness changes steadily by this many levels a second (dusk, clouds). */
	SyntheticScene lightRamp(double levelsPerSecond) {
		this.lightRampPerSecond = levelsPerSecond;
		return this;
	}

	/**
	 * A light switched at {@code at} seconds: brightness changes by {@code levels} over
	 * {@code seconds} (a camera's auto exposure takes a moment).
	 */
	SyntheticScene lightSwitch(double at, double levels, double seconds) {
		this.lightSteps.add(new double[] { at, levels, seconds });
		return this;
	}

	/** Gaussian noise of this standard deviation on every pixel of every frame. */
	SyntheticScene noise(double sigma) {
		this.noiseSigma = sigma;
		return this;
	}

	/** The frames from 0 to {@code seconds}, at {@code fps}, as JPEG. */
	List<TimedJpeg> render(double seconds, int fps) {
		List<TimedJpeg> frames = new ArrayList<>();
		setRNGSeed(42);
		try (Mat background = texture();
				Mat frame = new Mat();
				Mat noise = new Mat(this.height, this.width, CV_16SC3);
				IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, 80)) {
			for (int i = 0; i <= seconds * fps; i++) {
				double t = (double) i / fps;
				background.convertTo(frame, -1, 1, light(t));
				for (Mover mover : this.movers) {
					mover.draw(frame, t, this.width, this.height);
				}
				if (this.noiseSigma > 0) {
					try (Mat mean = new Mat(4, 1, CV_64F, new Scalar(0.0));
							Mat sigma = new Mat(4, 1, CV_64F, new Scalar(this.noiseSigma));
							Mat none = new Mat()) {
						randn(noise, mean, sigma);
						add(frame, noise, frame, none, CV_8UC3);
					}
				}
				try (BytePointer buffer = new BytePointer()) {
					imencode(".jpg", frame, buffer, params);
					byte[] jpeg = new byte[(int) buffer.limit()];
					buffer.get(jpeg);
					frames.add(new TimedJpeg(Math.round(t * 1000), jpeg));
				}
			}
		}
		return frames;
	}

	private double light(double t) {
		double level = -40 + this.lightRampPerSecond * t;
		for (double[] step : this.lightSteps) {
			if (t >= step[0]) {
				level += step[1] * Math.min(1, (step[2] > 0) ? (t - step[0]) / step[2] : 1);
			}
		}
		return level;
	}

	private Mat texture() {
		Random random = new Random(7);
		Mat texture = new Mat(this.height, this.width, CV_8UC3, new Scalar(120, 130, 140, 0));
		for (int i = 0; i < 400; i++) {
			int x = random.nextInt(this.width);
			int y = random.nextInt(this.height);
			int w = 10 + random.nextInt(60);
			int h = 10 + random.nextInt(60);
			try (Point from = new Point(x, y);
					Point to = new Point(x + w, y + h);
					Scalar colour = new Scalar(60 + random.nextInt(150), 60 + random.nextInt(150),
							60 + random.nextInt(150), 0)) {
				rectangle(texture, from, to, colour, FILLED, 8, 0);
			}
		}
		try (Size size = new Size(3, 3)) {
			GaussianBlur(texture, texture, size, 0);
		}
		return texture;
	}

	/**
	 * Writes the video as an MJPEG AVI file (a camera source can loop it).
	 */
	void writeVideo(Path file, double seconds, int fps) throws Exception {
		try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), this.width, this.height, 0);
				OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
			recorder.setFormat("avi");
			recorder.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
			recorder.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
			recorder.setVideoQuality(3);
			recorder.setFrameRate(fps);
			recorder.start();
			for (TimedJpeg frame : render(seconds, fps)) {
				try (BytePointer data = new BytePointer(frame.jpeg());
						Mat encoded = new Mat(1, frame.jpeg().length, CV_8UC1, data);
						Mat image = imdecode(encoded, IMREAD_COLOR)) {
					recorder.record(converter.convert(image));
				}
			}
			recorder.stop();
		}
	}

	/** One frame of the video. */
	record TimedJpeg(long millis, byte[] jpeg) {

	}

	private record Mover(double from, double to, double x0, double y0, double x1, double y1, int size) {

		void draw(Mat frame, double t, int width, int height) {
			if (t < this.from || t > this.to) {
				return;
			}
			double p = (t - this.from) / (this.to - this.from);
			int x = (int) ((this.x0 + (this.x1 - this.x0) * p) * width) - this.size / 2;
			int y = (int) ((this.y0 + (this.y1 - this.y0) * p) * height) - this.size / 2;
			try (Point a = new Point(x, y);
					Point b = new Point(x + this.size, y + this.size);
					Scalar dark = new Scalar(20, 25, 30, 0)) {
				rectangle(frame, a, b, dark, FILLED, 8, 0);
			}
		}

	}

}
