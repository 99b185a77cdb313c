package io.camdash.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/**
 * Generates the benchmark's source: a 1280x720 30 fps video that looks enough like a
 * camera scene (a textured background, moving shapes and a little sensor noise) for its
 * JPEG frames to weigh what a real 720p camera's do. MPEG-4 at a fine quantizer keeps the
 * texture while decoding cheaply, so the server's capture cost is dominated by its own
 * JPEG encode, as with a real camera.
 */
final class BenchVideo {

	static final int WIDTH = 1280;

	static final int HEIGHT = 720;

	static final int FPS = 30;

	/** Blur of the background texture: bigger is smoother, so smaller JPEGs. */
	private static final double TEXTURE_BLUR = 3;

	/** Per-frame noise amplitude in grey levels, either way. */
	private static final int SENSOR_NOISE = 2;

	private BenchVideo() {
	}

	/** Writes {@code seconds} of looping video to {@code file} (MPEG-4 in AVI). */
	static void generate(Path file, int seconds) throws Exception {
		Files.createDirectories(file.toAbsolutePath().getParent());
		try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT, 0);
				OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
				Mat background = background();
				Mat frame = new Mat(HEIGHT, WIDTH, CV_8UC3);
				Mat noise = new Mat(HEIGHT, WIDTH, CV_8UC3)) {
			recorder.setFormat("avi");
			recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
			recorder.setFrameRate(FPS);
			recorder.setGopSize(FPS);
			// A high bitrate keeps the texture: the file is decoded, not streamed, so its
			// size does not matter.
			recorder.setVideoBitrate(25_000_000);
			recorder.start();
			for (int n = 0; n < seconds * FPS; n++) {
				paint(background, frame, noise, n);
				recorder.record(converter.convert(frame));
			}
			recorder.stop();
		}
	}

	/** A static scene: gradient, blurred random texture and a few flat "objects". */
	private static Mat background() {
		Mat scene = new Mat(HEIGHT, WIDTH, CV_8UC3);
		try (Mat low = new Mat(1, 1, CV_8UC1, new Scalar(40)); Mat high = new Mat(1, 1, CV_8UC1, new Scalar(215))) {
			randu(scene, low, high);
		}
		try (Size kernel = new Size(0, 0)) {
			GaussianBlur(scene, scene, kernel, TEXTURE_BLUR);
		}
		for (int i = 0; i < 12; i++) {
			int x = (i * 211) % (WIDTH - 160);
			int y = (i * 137) % (HEIGHT - 120);
			try (Point from = new Point(x, y);
					Point to = new Point(x + 100 + (i * 31) % 120, y + 60 + (i * 17) % 80);
					Scalar colour = new Scalar((i * 53) % 256, (i * 97) % 256, (i * 151) % 256, 0)) {
				rectangle(scene, from, to, colour, FILLED, LINE_AA, 0);
			}
		}
		return scene;
	}

	private static void paint(Mat background, Mat frame, Mat noise, int n) {
		background.copyTo(frame);
		for (int i = 0; i < 3; i++) {
			int x = bounce(n * (9 + 4 * i) + i * 300, WIDTH - 120) + 60;
			int y = bounce(n * (5 + 3 * i) + i * 200, HEIGHT - 120) + 60;
			try (Point centre = new Point(x, y); Scalar colour = new Scalar(60 + 80 * i, 200 - 60 * i, 240, 0)) {
				circle(frame, centre, 50 + 10 * i, colour, FILLED, LINE_AA, 0);
			}
		}
		// Uniform flicker in [0, 2k): it only brightens by k on average, which does not
		// matter here.
		try (Mat low = new Mat(1, 1, CV_8UC1, new Scalar(0));
				Mat high = new Mat(1, 1, CV_8UC1, new Scalar(2 * SENSOR_NOISE))) {
			randu(noise, low, high);
		}
		add(frame, noise, frame);
	}

	private static int bounce(long position, int span) {
		long p = position % (2L * span);
		return (int) ((p < span) ? p : 2L * span - p);
	}

}
