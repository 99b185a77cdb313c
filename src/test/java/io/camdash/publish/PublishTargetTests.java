package io.camdash.publish;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PublishTargetTests {

	@Test
	void theStreamKeyUserInfoAndQueryAreNeverShown() {
		PublishTarget target = PublishTarget.parse("p",
				"rtmp://user:secret@ingest.example.org:1935/live2/abcd-efgh?x=1");
		assertThat(target.shown()).isEqualTo("rtmp://ingest.example.org:1935/live2/***");
		assertThat(target.toString()).doesNotContain("secret", "abcd", "x=1");
		assertThat(target.format()).isEqualTo("flv");
	}

	@Test
	void rtspTargetsAreSentAsRtsp() {
		PublishTarget target = PublishTarget.parse("p", "rtsp://mediamtx.lan:8554/door");
		assertThat(target.format()).isEqualTo("rtsp");
		assertThat(target.shown()).isEqualTo("rtsp://mediamtx.lan:8554/***");
	}

	@Test
	void aWrongTargetFailsStartUpNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PublishCamerasProperties(List.of(new PublishCamerasProperties.CameraPublish("door",
					List.of("rtmp://server/live/door", "http://server/live/door")))))
			.withMessage("camdash.cameras[0].publish[1] must start with rtmp://, rtmps://, rtsp:// or rtsps:// "
					+ "(a media server to publish to)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PublishTarget.parse("camdash.cameras[2].publish[0]", "rtmp://server"))
			.withMessageStartingWith("camdash.cameras[2].publish[0] needs a host and a path");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PublishTarget.parse("camdash.cameras[0].publish[0]", "rtmp://bad host/x"))
			.withMessageStartingWith("camdash.cameras[0].publish[0] is not a URL");
	}

}
