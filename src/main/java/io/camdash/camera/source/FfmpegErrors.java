package io.camdash.camera.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * FFmpeg's failures in camdash's words. JavaCV reports them as
 * {@code avformat_open_input() error -111: Could not open input "…". (Has setFormat() been
 * called…)}: a function name, an error code, the URL (credentials and all) and a hint for
 * programmers. A person needs what went wrong, in a sentence of its own.
 */
final class FfmpegErrors {

	private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");

	private FfmpegErrors() {
	}

	/**
	 * What went wrong, from JavaCV's message; {@code fallback} when it holds no error
	 * code camdash knows.
	 */
	static String inWords(@Nullable String javacvMessage, String fallback) {
		Matcher code = ERROR_CODE.matcher(String.valueOf(javacvMessage));
		if (!code.find()) {
			return fallback;
		}
		return switch (Integer.parseInt(code.group(1))) {
			case -111 -> "connection refused: nothing answers at that address and port";
			case -110 -> "no answer in time";
			case -113 -> "no route to the camera's host";
			case -101 -> "the network is unreachable";
			case -104 -> "the camera closed the connection";
			case -2 -> "no such file";
			case -13 -> "permission denied";
			case -5 -> "input/output error";
			case -1094995529 -> "not a video camdash can read (invalid data)";
			case -541478725 -> "the stream ended";
			// FFmpeg's HTTP and RTSP status codes, FFERRTAG(0xF8, '4', '0', 'x').
			case -825242872 -> "the camera refused the user name or password (401)";
			case -858797304 -> "access forbidden (403)";
			case -875574520 -> "no such stream at that address (404)";
			case -1482175992 -> "the camera answered with a server error (5xx)";
			default -> "FFmpeg error " + code.group(1);
		};
	}

}
