package io.camdash.pictures;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, run by {@code ./mvnw -Pbench verify} rather than with the tests. A gallery
 * of 10,000 pictures: prints how long a page takes once its thumbnails exist (the figure
 * in docs/performance.md). Times are measured by the client over loopback, so they
 * include a little more than the server's own time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Tag("benchmark")
class GalleryPerformanceIntegrationTests {

	static final int PICTURES = 10_000;

	static final int ROUNDS = 50;

	private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2024-01-01T00:00:00Z"));

	@TempDir
	static Path temp;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		registry.add("camdash.pictures.folder", () -> temp.resolve("pictures").toString());
		registry.add("camdash.pictures.thumbnail-cache", () -> temp.resolve("cache").toString());
	}

	@Test
	void aGalleryPageOf10000PicturesIsFast() throws IOException {
		Path pictures = temp.resolve("pictures");
		byte[] jpeg = TestImages.jpeg(640, 480);
		LocalDate first = LocalDate.of(2024, 1, 1);
		for (int i = 0; i < PICTURES; i++) {
			String camera = (i % 2 == 0) ? "cam" : "door";
			LocalDate day = first.plusDays(i / 200);
			String time = String.format("%02d%02d%02d-%03d", (i / 3600) % 24, (i / 60) % 60, i % 60, i % 1000);
			Path file = pictures.resolve(
					camera + "/" + day + "/" + camera + "_" + day.toString().replace("-", "") + "-" + time + ".jpg");
			Files.createDirectories(file.getParent());
			Files.write(file, jpeg);
		}
		// An old folder nobody is writing to, as a gallery of 10,000 pictures would be.
		try (var folders = Files.walk(pictures)) {
			for (Path folder : folders.filter(Files::isDirectory).toList()) {
				Files.setLastModifiedTime(folder, LONG_AGO);
			}
		}
		PicturesHttp http = new PicturesHttp(this.port);

		long coldStart = System.nanoTime();
		String page = http.getPage("/pictures");
		double coldMillis = (System.nanoTime() - coldStart) / 1e6;
		assertThat(page).contains(PICTURES + " pictures");
		List<String> thumbnails = thumbnailsOf(page);
		assertThat(thumbnails).hasSize(48);
		long thumbsStart = System.nanoTime();
		for (String thumbnail : thumbnails) {
			assertThat(http.get(thumbnail).statusCode()).isEqualTo(200);
		}
		double thumbsMillis = (System.nanoTime() - thumbsStart) / 1e6;

		double[] firstPage = time(() -> http.get("/pictures"));
		double[] deepPage = time(() -> http.get("/pictures?page=150"));
		double[] filtered = time(() -> http.get("/pictures?camera=door&page=20"));
		double[] cachedThumbnails = time(() -> {
			for (String thumbnail : thumbnails) {
				http.get(thumbnail);
			}
			return null;
		});
		String report = String.format(
				"Gallery with %,d pictures: first page cold (walk + render) %.0f ms; 48 thumbnails made in %.0f ms;%n"
						+ "warm page 1: median %.1f ms, p90 %.1f ms; page 150: median %.1f ms; "
						+ "camera filter page 20: median %.1f ms;%n"
						+ "48 cached thumbnails: median %.1f ms for all (%d rounds each)",
				PICTURES, coldMillis, thumbsMillis, median(firstPage), percentile(firstPage, 0.9), median(deepPage),
				median(filtered), median(cachedThumbnails), ROUNDS);
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/gallery-performance.txt"), report + System.lineSeparator(),
				StandardCharsets.UTF_8);
	}

	private static List<String> thumbnailsOf(String page) {
		Matcher matcher = Pattern.compile("src=\"(/pictures/thumbnail/[^\"]+)\"").matcher(page);
		List<String> thumbnails = new ArrayList<>();
		while (matcher.find()) {
			thumbnails.add(matcher.group(1));
		}
		return thumbnails;
	}

	private static double[] time(Supplier<?> request) {
		// Warm up first: the figure is for a server that has been running, not for JIT
		// compilation.
		for (int i = 0; i < 30; i++) {
			request.get();
		}
		double[] millis = new double[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			long start = System.nanoTime();
			Object response = request.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
			if (response instanceof HttpResponse<?> http) {
				assertThat(http.statusCode()).isEqualTo(200);
			}
		}
		Arrays.sort(millis);
		return millis;
	}

	private static double median(double[] sorted) {
		return percentile(sorted, 0.5);
	}

	private static double percentile(double[] sorted, double fraction) {
		return sorted[Math.min(sorted.length - 1, (int) Math.floor(sorted.length * fraction))];
	}

}
