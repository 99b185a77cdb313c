package io.camdash.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ffprobe command-line tool, as a player of the files camdash writes would see them.
 */
public final class Ffprobe {

	private Ffprobe() {
	}

	/**
	 * The first video stream's codec, profile, pixel format and size, and the file's
	 * duration, as {@code key=value} lines; fails the test when ffprobe cannot read the
	 * file.
	 */
	public static String videoStream(Path file) throws Exception {
		Process process = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
				"stream=codec_name,profile,pix_fmt,width,height:format=duration", "-of", "default=noprint_wrappers=1",
				file.toString())
			.redirectErrorStream(true)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(out).isZero();
		return out;
	}

}
