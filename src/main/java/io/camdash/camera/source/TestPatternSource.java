package io.camdash.camera.source;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/**
 * A generated picture: colour bars, a bouncing ball, a sweeping bar, the camera name and
 * a clock with milliseconds, so consecutive frames differ and latency can be read by eye.
 */
public final class TestPatternSource implements FrameSource {

	/** Width of the pattern when the camera sets none. */
	public static final int DEFAULT_WIDTH = 640;

	/** Height of the pattern when the camera sets none. */
	public static final int DEFAULT_HEIGHT = 480;

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	private static final Scalar[] BARS = { rgb(192, 192, 192), rgb(192, 192, 0), rgb(0, 192, 192), rgb(0, 192, 0),
			rgb(192, 0, 192), rgb(192, 0, 0), rgb(0, 0, 192) };

	private final String name;

	private final int width;

	private final int height;

	private final long intervalNanos;

	private Mat background;

	private Mat frame;

	private long frameNumber;

	TestPatternSource(SourceSettings settings) {
		this.name = settings.name();
		this.width = (settings.width() > 0) ? settings.width() : DEFAULT_WIDTH;
		this.height = (settings.height() > 0) ? settings.height() : DEFAULT_HEIGHT;
		this.intervalNanos = 1_000_000_000L / settings.fps();
	}

	@Override
	public void open() {
		this.background = new Mat(this.height, this.width, CV_8UC3, Scalar.BLACK);
		int barWidth = this.width / BARS.length + 1;
		for (int i = 0; i < BARS.length; i++) {
			try (Point from = new Point(i * barWidth, 0);
					Point to = new Point((i + 1) * barWidth, this.height * 2 / 3)) {
				rectangle(this.background, from, to, BARS[i], FILLED, LINE_AA, 0);
			}
		}
		this.frame = new Mat(this.height, this.width, CV_8UC3);
	}

	@Override
	public Mat grab() {
		this.background.copyTo(this.frame);
		long n = this.frameNumber++;
		int radius = Math.max(8, this.height / 12);
		int x = bounce(n * 7, this.width - 2 * radius) + radius;
		int y = bounce(n * 5, this.height - 2 * radius) + radius;
		try (Point centre = new Point(x, y); Scalar white = rgb(255, 255, 255)) {
			circle(this.frame, centre, radius, white, FILLED, LINE_AA, 0);
		}
		int barX = (int) ((n * 4) % this.width);
		try (Point from = new Point(barX, this.height * 2 / 3);
				Point to = new Point(barX + this.width / 16, this.height);
				Scalar orange = rgb(255, 140, 0)) {
			rectangle(this.frame, from, to, orange, FILLED, LINE_AA, 0);
		}
		String time = LocalTime.now().format(CLOCK);
		Caption.draw(this.frame, this.name, time + "  #" + n);
		return this.frame;
	}

	private static int bounce(long position, int span) {
		if (span <= 0) {
			return 0;
		}
		long p = position % (2L * span);
		return (int) ((p < span) ? p : 2L * span - p);
	}

	@Override
	public long frameIntervalNanos() {
		return this.intervalNanos;
	}

	@Override
	public void close() {
		release(this.background);
		release(this.frame);
	}

	private static void release(Mat mat) {
		if (mat != null) {
			mat.close();
		}
	}

	private static Scalar rgb(int r, int g, int b) {
		return new Scalar(b, g, r, 0);
	}

}
