package io.camdash.pictures;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A camera whose source gives nothing: Take photo answers 503 and saves nothing, never a
 * NO SIGNAL card.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SnapshotNoSignalIntegrationTests {

	@TempDir
	static Path temp;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void brokenCamera(DynamicPropertyRegistry registry) throws IOException {
		// A folder source whose only image cannot be decoded: the camera never has a good
		// frame.
		Path empty = Files.createDirectories(temp.resolve("no-images"));
		Files.writeString(empty.resolve("broken.jpg"), "not an image");
		registry.add("camdash.pictures.folder", () -> temp.resolve("pictures").toString());
		registry.add("camdash.pictures.thumbnail-cache", () -> temp.resolve("cache").toString());
		registry.add("camdash.cameras[0].id", () -> "broken");
		registry.add("camdash.cameras[0].source", () -> "folder:" + empty);
		registry.add("camdash.cameras[0].stall-timeout", () -> "300ms");
		registry.add("camdash.streaming.snapshot-timeout", () -> "1s");
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
		try (Stream<Path> files = Files.walk(temp.resolve("pictures"))) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

}
