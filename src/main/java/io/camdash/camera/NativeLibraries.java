package io.camdash.camera;

import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads OpenCV's (and FFmpeg's) native libraries once, one caller at a time. Loading them
 * costs seconds of CPU on a small machine (JavaCPP asks the class loader for every
 * candidate file name in every jar), so camdash does it after its web server answers, on
 * a thread of its own ({@link #loadInBackground}); a capture thread, a thumbnail or a
 * source trial that comes earlier waits here for it. Serialising the loads is also what
 * keeps two threads from initialising JavaCPP's preset classes at once, which can
 * deadlock on their class-initialisation locks.
 * <p>
 * Static because the libraries are loaded once per process, whatever the number of
 * application contexts (tests run several) or cameras.
 */
public final class NativeLibraries {

	private static final Logger log = LoggerFactory.getLogger(NativeLibraries.class);

	private static volatile boolean opencv;

	private static volatile boolean ffmpeg;

	private NativeLibraries() {
	}

	/**
	 * Loads OpenCV, and FFmpeg if asked, unless done already; waits while another thread
	 * loads them.
	 * @param withFfmpeg whether FFmpeg is needed too (cameras whose source uses it)
	 */
	public static void load(boolean withFfmpeg) {
		// Thumbnails and capture threads call this every time: once loaded, no lock.
		if (!isLoaded(withFfmpeg)) {
			loadOnce(withFfmpeg);
		}
	}

	private static synchronized void loadOnce(boolean withFfmpeg) {
		long start = System.nanoTime();
		if (!opencv) {
			Loader.load(opencv_imgcodecs.class);
			Loader.load(opencv_imgproc.class);
			opencv = true;
		}
		if (withFfmpeg && !ffmpeg) {
			Loader.load(avformat.class);
			ffmpeg = true;
		}
		log.debug("Native libraries ready after {} ms", (System.nanoTime() - start) / 1_000_000);
	}

	/** Whether {@link #load} would return at once. */
	static boolean isLoaded(boolean withFfmpeg) {
		return opencv && (ffmpeg || !withFfmpeg);
	}

	/** Loads them on a daemon thread of its own; a failure is left to the next caller. */
	static void loadInBackground(boolean withFfmpeg) {
		Thread thread = new Thread(() -> {
			try {
				load(withFfmpeg);
			}
			catch (LinkageError | RuntimeException ex) {
				log.warn("Could not load OpenCV or FFmpeg: {}", ex.toString());
			}
		}, "camdash-natives");
		thread.setDaemon(true);
		thread.start();
	}

}
