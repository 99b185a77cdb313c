package io.camdash.camera.source;

import java.io.IOException;
import java.security.Security;
import java.time.Duration;

import io.camdash.support.FakeIpCamera;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Snapshot URLs read from a real HTTP server: images, and what cheap cameras get wrong.
 */
class SnapshotUrlSourceTests {

	private final FrameSourceFactory factory = new FrameSourceFactory(PiCameraProperties.defaults());

	private final FakeIpCamera camera = new FakeIpCamera();

	SnapshotUrlSourceTests() throws IOException {
	}

	@AfterEach
	void powerOff() {
		this.camera.close();
	}

	@Test
	void aSnapshotUrlGivesOneDecodedImagePerRequestAtTheCamerasFps() throws Exception {
		try (FrameSource source = this.factory.create(settings("snapshot:" + this.camera.url("/snapshot.jpg")))) {
			source.open();
			assertThat(source.frameIntervalNanos()).isEqualTo(Duration.ofMillis(100).toNanos());
			for (int i = 1; i <= 3; i++) {
				Mat image = source.grab();
				assertThat(image.cols()).isEqualTo(160);
				assertThat(image.rows()).isEqualTo(120);
				assertThat(TestMedia.colourOf(image)).as("blue").isZero();
				assertThat(this.camera.requests("/snapshot.jpg")).isEqualTo(i);
			}
		}
	}

	@Test
	void aPngSnapshotIsDecodedToo() throws Exception {
		try (FrameSource source = this.factory.create(settings("snapshot:" + this.camera.url("/snapshot.png")))) {
			source.open();
			assertThat(TestMedia.colourOf(source.grab())).isZero();
		}
	}

	@Test
	void theUserAndPasswordInTheUrlAnswerABasicChallenge() throws Exception {
		String url = this.camera.url(FakeIpCamera.USER + ":" + FakeIpCamera.PASSWORD, "/locked.jpg");
		try (FrameSource source = this.factory.create(settings("snapshot:" + url))) {
			source.open();
			assertThat(source.grab().cols()).isEqualTo(160);
			assertThat(source.grab().cols()).isEqualTo(160);
		}
	}

	@Test
	void theUserAndPasswordInTheUrlAnswerADigestChallengeWhereJavaAllowsMd5() throws Exception {
		String disabled = Security.getProperty("http.auth.digest.disabledAlgorithms");
		assumeTrue(disabled == null || !disabled.contains("MD5"), "this Java refuses MD5 Digest over plain HTTP");
		String url = this.camera.url(FakeIpCamera.USER + ":" + FakeIpCamera.PASSWORD, "/digest.jpg");
		try (FrameSource source = this.factory.create(settings("snapshot:" + url))) {
			source.open();
			assertThat(source.grab().cols()).isEqualTo(160);
			assertThat(source.grab().cols()).isEqualTo(160);
		}
	}

	@Test
	void aWrongPasswordIsA401InWordsWithoutTheSecret() {
		String url = this.camera.url(FakeIpCamera.USER + ":wrong-secret", "/locked.jpg?token=token-secret");
		assertThat(failure("snapshot:" + url)).startsWith("the camera answered 401")
			.contains("wrong user or password")
			.doesNotContain("secret")
			.doesNotContain("Exception");
		assertThat(this.camera.requests("/locked.jpg")).as("asked once, answered the challenge once, gave up")
			.isEqualTo(2);
	}

	@Test
	void aUrlThatNeedsAPasswordAndHasNoneSaysSo() {
		assertThat(failure("snapshot:" + this.camera.url("/locked.jpg")))
			.isEqualTo("the camera answered 401 (the URL needs a user and password)");
	}

	@Test
	void anHtmlPageIsNotAnImage() {
		assertThat(failure("snapshot:" + this.camera.url("/page.html")))
			.isEqualTo("the camera's answer is not a JPEG or PNG image (text/html)");
	}

	@Test
	void aMissingPathIsA404InWords() {
		assertThat(failure("snapshot:" + this.camera.url("/nothing.jpg")))
			.isEqualTo("the camera answered 404 (no such path)");
	}

	@Test
	void anMjpegStreamIsNotASnapshot() {
		assertThat(failure("snapshot:" + this.camera.url("/one-frame.mjpg"))).contains("not one image")
			.contains("without snapshot:");
	}

	@Test
	void aCameraThatDoesNotAnswerInTimeTimesOut() {
		long start = System.nanoTime();
		assertThat(failure("snapshot:" + this.camera.url("/slow.jpg"))).startsWith("timed out")
			.contains("within 500 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
	}

	@Test
	void anAnswerThatNeverEndsIsCutAtTheSizeLimit() {
		assertThat(failure("snapshot:" + this.camera.url("/endless.jpg"))).satisfiesAnyOf(
				(reason) -> assertThat(reason).isEqualTo("the image is larger than 16 MB"),
				(reason) -> assertThat(reason).startsWith("timed out"));
	}

	@Test
	void aCameraThatIsOffIsRefusedInWords() {
		this.camera.powerOff();
		assertThat(failure("snapshot:" + this.camera.url("/snapshot.jpg")))
			.startsWith("connection refused: nothing answers at 127.0.0.1:");
	}

	@Test
	void anHttpUrlThatAnswersWithOneImageIsPolledLikeASnapshotUrl() throws Exception {
		try (FrameSource source = this.factory.create(settings(this.camera.url("/snapshot.jpg")))) {
			source.open();
			int afterOpening = this.camera.requests("/snapshot.jpg");
			for (int i = 1; i <= 3; i++) {
				assertThat(TestMedia.colourOf(source.grab())).isZero();
				assertThat(this.camera.requests("/snapshot.jpg")).isEqualTo(afterOpening + i);
			}
			assertThat(source.frameIntervalNanos()).isEqualTo(Duration.ofMillis(100).toNanos());
		}
	}

	@Test
	void aSnapshotSourceIsShownWithoutItsSecrets() {
		SourceSpec spec = SourceSpec.of("snapshot:http://u:p@cam.local/snap.jpg?user=admin&pwd=secret");
		assertThat(spec.kind()).isEqualTo(SourceSpec.Kind.SNAPSHOT);
		assertThat(spec.describe()).isEqualTo("snapshot:http://***@cam.local/snap.jpg?user=***&pwd=***");
		assertThat(spec.describeForViewers()).isEqualTo("snapshot:http://cam.local/snap.jpg");
	}

	@Test
	void aSnapshotSourceMustBeAnHttpUrl() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> SourceSpec.of("snapshot:ftp://u:secret@cam.local/snap.jpg"))
			.withMessage("snapshot source 'snapshot:ftp://***@cam.local/snap.jpg' must be an http:// or https:// URL"
					+ " of a JPEG or PNG image");
	}

	/** Why grabbing from the source fails. */
	private String failure(String source) {
		try (FrameSource opened = this.factory.create(settings(source))) {
			opened.open();
			opened.grab();
		}
		catch (IOException ex) {
			return ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw new AssertionError("no failure from " + source);
	}

	private static SourceSettings settings(String source) {
		return new SourceSettings("Test", SourceSpec.of(source), 0, 0, 10, 80, Duration.ofMillis(500));
	}

}
