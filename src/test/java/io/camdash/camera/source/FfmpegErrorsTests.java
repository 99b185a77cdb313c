package io.camdash.camera.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FfmpegErrorsTests {

	@Test
	void anErrorCodeBecomesASentence() {
		assertThat(FfmpegErrors
			.inWords("avformat_open_input() error -111: Could not open input \"rtsp://u:p@cam/x\". (Has setFormat() "
					+ "been called on a grabber that requires it?)", "fallback"))
			.isEqualTo("connection refused: nothing answers at that address and port");
		assertThat(FfmpegErrors.inWords("avformat_open_input() error -825242872: Could not open input", "fallback"))
			.isEqualTo("the camera refused the user name or password (401)");
		assertThat(FfmpegErrors.inWords("av_read_frame() error -541478725", "fallback")).isEqualTo("the stream ended");
	}

	@Test
	void anUnknownCodeIsNamedWithoutTheRestOfJavaCvsText() {
		assertThat(FfmpegErrors.inWords("avformat_find_stream_info() error -12345: Could not find stream information",
				"fallback"))
			.isEqualTo("FFmpeg error -12345");
	}

	@Test
	void aMessageWithoutACodeKeepsTheFallback() {
		assertThat(FfmpegErrors.inWords("Could not grab: no video stream", "no video stream"))
			.isEqualTo("no video stream");
		assertThat(FfmpegErrors.inWords(null, "the source failed")).isEqualTo("the source failed");
	}

}
