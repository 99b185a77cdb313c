package io.camdash.pictures;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.camdash.support.CamerasWithoutSignalTest;
import io.camdash.support.TestFolders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A camera whose source gives nothing (a folder whose only image cannot be decoded): Take
 * photo answers 503 and saves nothing, never a NO SIGNAL card.
 */
@CamerasWithoutSignalTest
class PhotoNoSignalIntegrationTests {

	@LocalServerPort
	private int port;

	@BeforeEach
	void noPictures() {
		TestFolders.empty(TestFolders.PICTURES);
	}

	@Test
	void apiClientsGet503WithTheReasonAndNoPictureIsSaved() throws IOException {
		HttpResponse<byte[]> response = new PicturesHttp(this.port).post("/cameras/broken/snapshots",
				"application/json", List.of());
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("Camera 'broken' has no signal");
		assertNoPictures();
	}

	@Test
	void browsersGetAClearErrorPage() throws IOException {
		HttpResponse<byte[]> response = new PicturesHttp(this.port).postForm("/cameras/broken/snapshots", List.of());
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("has no signal")
			.contains("Back to the dashboard");
		assertNoPictures();
	}

	private static void assertNoPictures() throws IOException {
		try (Stream<Path> files = Files.walk(TestFolders.PICTURES)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

}
