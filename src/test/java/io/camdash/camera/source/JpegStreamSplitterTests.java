package io.camdash.camera.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JpegStreamSplitterTests {

	@TempDir
	Path dir;

	@Test
	void imagesWrittenBackToBackComeOutOneByOne() throws IOException {
		StandInCameraProgram program = StandInCameraProgram.streaming(this.dir);
		JpegStreamSplitter splitter = splitter(program.frame(0), program.frame(1), program.frame(2));
		assertThat(splitter.next()).isEqualTo(program.frame(0));
		assertThat(splitter.next()).isEqualTo(program.frame(1));
		assertThat(splitter.next()).isEqualTo(program.frame(2));
		assertThat(splitter.next()).isNull();
	}

	@Test
	void multipartHeadersBetweenImagesAreSkipped() throws IOException {
		StandInCameraProgram program = StandInCameraProgram.streaming(this.dir);
		byte[] headers = "--frame\r\nContent-Type: image/jpeg\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		JpegStreamSplitter splitter = splitter(headers, program.frame(0), headers, program.frame(1));
		assertThat(splitter.next()).isEqualTo(program.frame(0));
		assertThat(splitter.next()).isEqualTo(program.frame(1));
	}

	@Test
	void anEndOfImageInsideASegmentDoesNotEndTheImage() throws IOException {
		StandInCameraProgram program = StandInCameraProgram.streaming(this.dir);
		byte[] jpeg = program.frame(0);
		// An APP1 block holding a small "thumbnail" with its own start and end markers.
		byte[] app1 = { (byte) 0xFF, (byte) 0xE1, 0, 8, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9, 0, 0 };
		byte[] withThumbnail = concat(Arrays.copyOf(jpeg, 2), app1, Arrays.copyOfRange(jpeg, 2, jpeg.length));
		JpegStreamSplitter splitter = splitter(withThumbnail, program.frame(1));
		assertThat(splitter.next()).isEqualTo(withThumbnail);
		assertThat(splitter.next()).isEqualTo(program.frame(1));
		assertThat(JpegSize.of(withThumbnail)).isEqualTo(new JpegSize(160, 120));
	}

	@Test
	void aStreamEndingInsideAnImageIsAnError() {
		StandInCameraProgram program = StandInCameraProgram.streaming(this.dir);
		byte[] jpeg = program.frame(0);
		JpegStreamSplitter splitter = splitter(Arrays.copyOf(jpeg, jpeg.length / 2));
		assertThatExceptionOfType(EOFException.class).isThrownBy(splitter::next);
	}

	@Test
	void anImageOverTheLimitIsRefused() {
		StandInCameraProgram program = StandInCameraProgram.streaming(this.dir);
		JpegStreamSplitter splitter = new JpegStreamSplitter(new ByteArrayInputStream(program.frame(0)), 100);
		assertThatExceptionOfType(IOException.class).isThrownBy(splitter::next).withMessageContaining("larger than");
	}

	@Test
	void aPngHasNoJpegSize() {
		assertThat(JpegSize.of(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 })).isNull();
	}

	private static JpegStreamSplitter splitter(byte[]... parts) {
		return new JpegStreamSplitter(new ByteArrayInputStream(concat(parts)), 1024 * 1024);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
