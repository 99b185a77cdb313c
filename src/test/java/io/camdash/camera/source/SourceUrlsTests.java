package io.camdash.camera.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceUrlsTests {

	@Test
	void maskedHidesUserInfoAndEveryQueryValueWhateverItsName() {
		assertThat(SourceUrls.masked("http://cam.local/video.mjpg?api_key=K1&access_token=T2&channel=1;sig=S3#frag"))
			.isEqualTo("http://cam.local/video.mjpg?api_key=***&access_token=***&channel=***;sig=***");
		assertThat(SourceUrls.masked("rtsp://user:p%40ss@192.0.2.10:554/stream1"))
			.isEqualTo("rtsp://***@192.0.2.10:554/stream1");
		assertThat(SourceUrls.masked("https://192.0.2.10/still")).isEqualTo("https://192.0.2.10/still");
	}

	@Test
	void viewersGetOnlySchemeHostPortAndPath() {
		assertThat(SourceUrls.forViewers("rtsp://user:pw@192.0.2.10:554/stream1?token=abc#x"))
			.isEqualTo("rtsp://192.0.2.10:554/stream1");
		assertThat(SourceUrls.forViewers("http://cam.local?api_key=K1")).isEqualTo("http://cam.local");
	}

	@Test
	void aUrlWithoutUserInfoKeepsEverythingElseAsWritten() {
		assertThat(SourceUrls.withoutUserInfo("http://user:p%40ss@192.0.2.10:8080/a%20b.jpg?pwd=x%26y#frag"))
			.isEqualTo("http://192.0.2.10:8080/a%20b.jpg?pwd=x%26y");
		assertThat(SourceUrls.withoutUserInfo("http://192.0.2.10/still?at=a@b"))
			.isEqualTo("http://192.0.2.10/still?at=a@b");
	}

	@Test
	void aSourceSpecDescribesNetworkUrlsMasked() {
		SourceSpec spec = SourceSpec.of("http://u:p@cam.local/a.mjpg?access_token=T2");
		assertThat(spec.describe()).isEqualTo("http://***@cam.local/a.mjpg?access_token=***");
		assertThat(spec.describeForViewers()).isEqualTo("http://cam.local/a.mjpg");
		assertThat(spec).hasToString(spec.describe());
	}

}
