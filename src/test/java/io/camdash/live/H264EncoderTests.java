package io.camdash.live;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

class H264EncoderTests {

	@TempDir
	Path folder;

	@Test
	void encodedFramesMakeAFragmentedMp4ThatFfmpegReadsBack() throws Exception {
		ByteArrayOutputStream mp4 = new ByteArrayOutputStream();
		int keyframes = 0;
		try (H264Encoder encoder = new H264Encoder(320, 240, 10, 300_000, 10)) {
			assertThat(H264Units.codec(encoder.sps())).startsWith("avc1.42");
			mp4.writeBytes(Fmp4Writer.initSegment(encoder.sps(), encoder.pps(), 320, 240));
			for (int i = 0; i < 30; i++) {
				try (Mat image = movingSquare(320, 240, i)) {
					H264Encoder.EncodedFrame frame = encoder.encode(image, false);
					assertThat(frame).isNotNull();
					keyframes += frame.keyframe() ? 1 : 0;
					mp4.writeBytes(Fmp4Writer.fragment(Fmp4Writer.TRACK_ID, i + 1, i * 9000L, 9000, 0, frame.keyframe(),
							frame.sample()));
				}
			}
		}
		assertThat(keyframes).as("a keyframe every 10 frames").isEqualTo(3);
		Path file = this.folder.resolve("out.mp4");
		Files.write(file, mp4.toByteArray());
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
			grabber.start();
			assertThat(grabber.getImageWidth()).isEqualTo(320);
			assertThat(grabber.getImageHeight()).isEqualTo(240);
			int frames = 0;
			long lastTimestamp = -1;
			Frame frame;
			while ((frame = grabber.grabImage()) != null) {
				assertThat(frame.timestamp).isGreaterThan(lastTimestamp);
				lastTimestamp = frame.timestamp;
				frames++;
			}
			assertThat(frames).isEqualTo(30);
			assertThat(lastTimestamp).isEqualTo(2_900_000L);
		}
	}

	@Test
	void oddSizesLoseTheirLastColumnAndRow() {
		try (H264Encoder encoder = new H264Encoder(321, 241, 10, 300_000, 10); Mat image = movingSquare(321, 241, 0)) {
			assertThat(encoder.width()).isEqualTo(320);
			assertThat(encoder.height()).isEqualTo(240);
			assertThat(encoder.encode(image, true).keyframe()).isTrue();
		}
	}

	static Mat movingSquare(int width, int height, int step) {
		Mat image = new Mat(height, width, CV_8UC3, new Scalar(40, 40, 40, 0));
		int x = (step * 7) % (width - 40);
		try (Rect square = new Rect(x, height / 3, 40, 40); Scalar white = new Scalar(255, 255, 255, 0)) {
			rectangle(image, square, white, -1, 8, 0);
		}
		return image;
	}

}
