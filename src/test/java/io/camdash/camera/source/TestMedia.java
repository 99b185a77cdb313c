package io.camdash.camera.source;

import java.nio.file.Path;
import java.util.List;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

/**
 * Small real media made at test time: solid-colour images and videos whose frames can be
 * told apart.
 */
public final class TestMedia {

	/** Blue, green, red, in BGR order as OpenCV stores them. */
	public static final List<double[]> COLOURS = List.of(new double[] { 255, 0, 0 }, new double[] { 0, 255, 0 },
			new double[] { 0, 0, 255 });

	private TestMedia() {
	}

	public static void writeImage(Path file, double[] bgr) {
		try (Mat image = solid(bgr)) {
			imwrite(file.toString(), image);
		}
	}

	/** A video of {@code framesPerColour} frames of each colour in turn, at 10 fps. */
	public static void writeVideo(Path file, int framesPerColour) throws Exception {
		try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 160, 120, 0);
				OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
			recorder.setFormat("avi");
			recorder.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
			recorder.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P);
			recorder.setFrameRate(10);
			recorder.start();
			for (double[] colour : COLOURS) {
				try (Mat image = solid(colour)) {
					for (int i = 0; i < framesPerColour; i++) {
						recorder.record(converter.convert(image));
					}
				}
			}
			recorder.stop();
		}
	}

	public static Mat solid(double[] bgr) {
		return new Mat(120, 160, CV_8UC3, new Scalar(bgr[0], bgr[1], bgr[2], 0));
	}

	/** Index in {@link #COLOURS} of the colour closest to the image's mean. */
	public static int colourOf(Mat image) {
		Scalar mean = org.bytedeco.opencv.global.opencv_core.mean(image);
		int best = -1;
		double bestDistance = Double.MAX_VALUE;
		for (int i = 0; i < COLOURS.size(); i++) {
			double[] c = COLOURS.get(i);
			double d = Math.abs(mean.get(0) - c[0]) + Math.abs(mean.get(1) - c[1]) + Math.abs(mean.get(2) - c[2]);
			if (d < bestDistance) {
				bestDistance = d;
				best = i;
			}
		}
		return best;
	}

}
