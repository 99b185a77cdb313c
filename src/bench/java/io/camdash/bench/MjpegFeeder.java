package io.camdash.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * An MJPEG network camera for the benchmark: the benchmark video's frames encoded to JPEG
 * once (q80), served as {@code multipart/x-mixed-replace} at 30 fps on a loopback port of
 * the benchmark's own process, so its CPU counts as the client's, not camdash's.
 */
final class MjpegFeeder implements AutoCloseable {

	private final List<byte[]> frames;

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "bench-mjpeg-feeder");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpServer server;

	private MjpegFeeder(List<byte[]> frames) throws IOException {
		this.frames = frames;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.server.createContext("/stream.mjpg", this::stream);
		this.server.setExecutor(this.threads);
		this.server.start();
	}

	/** Serves the frames of {@code video}, encoded to JPEG at quality 80. */
	static MjpegFeeder start(Path video) throws Exception {
		List<byte[]> frames = new ArrayList<>();
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
				OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
				IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, 80)) {
			grabber.start();
			Frame frame;
			while ((frame = grabber.grabImage()) != null) {
				Mat image = converter.convert(frame);
				try (BytePointer buffer = new BytePointer()) {
					imencode(".jpg", image, buffer, params);
					byte[] jpeg = new byte[(int) buffer.limit()];
					buffer.get(jpeg);
					frames.add(jpeg);
				}
			}
			grabber.stop();
		}
		return new MjpegFeeder(frames);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/stream.mjpg";
	}

	/** Mean size of a frame in bytes. */
	double meanFrameBytes() {
		return this.frames.stream().mapToInt((f) -> f.length).average().orElse(0);
	}

	private void stream(HttpExchange exchange) {
		try (exchange) {
			exchange.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace; boundary=frame");
			exchange.sendResponseHeaders(200, 0);
			OutputStream body = exchange.getResponseBody();
			long interval = TimeUnit.SECONDS.toNanos(1) / BenchVideo.FPS;
			long due = System.nanoTime();
			for (int i = 0;; i++) {
				byte[] jpeg = this.frames.get(i % this.frames.size());
				body.write(("--frame\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				body.write(jpeg);
				body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
				body.flush();
				due += interval;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// camdash closed the connection (camera stopped) or the benchmark ends.
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
