package io.camdash.pictures;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.camdash.support.TestFolders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PicturesIntegrationTests {

	@LocalServerPort
	private int port;

	private PicturesHttp http;

	@BeforeEach
	void emptyFolder() {
		this.http = new PicturesHttp(this.port);
		TestFolders.empty(pictures());
		TestFolders.empty(TestFolders.THUMBNAILS);
	}

	private static Path pictures() {
		return TestFolders.PICTURES;
	}

	@Test
	void takingAPhotoForAnApiClientSavesTheLiveFrameAndDescribesIt() throws IOException {
		HttpResponse<byte[]> response = this.http.post("/cameras/cam/snapshots", "application/json", List.of());
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode json = JsonMapper.builder().build().readTree(response.body());
		String name = json.get("name").asString();
		assertThat(name).matches("cam/\\d{4}-\\d{2}-\\d{2}/cam_\\d{8}-\\d{6}-\\d{3}(-\\d+)?\\.jpg");
		assertThat(json.get("width").asInt()).isEqualTo(640);
		assertThat(json.get("height").asInt()).isEqualTo(480);
		assertThat(response.headers().firstValue("Location")).hasValue(json.get("pageUrl").asString());
		Path file = pictures().resolve(name);
		assertThat(TestImages.isJpeg(Files.readAllBytes(file))).isTrue();
		assertThat(ImageDimensions.read(file)).isEqualTo(new ImageDimensions(640, 480));
		assertThat(this.http.get("/pictures/image/" + name).body()).isEqualTo(Files.readAllBytes(file));
	}

	@Test
	void anyClientThatDoesNotAskForHtmlGetsJson() {
		HttpResponse<byte[]> response = this.http.post("/cameras/cam/snapshots", "*/*", List.of());
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
	}

	@Test
	void twoPhotosAtOnceNeverShareAName() throws Exception {
		List<Thread> threads = new ArrayList<>();
		List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < 6; i++) {
			Thread thread = new Thread(() -> statuses
				.add(this.http.post("/cameras/cam/snapshots", "application/json", List.of()).statusCode()));
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join(30_000);
		}
		assertThat(statuses).hasSize(6).containsOnly(201);
		try (Stream<Path> files = Files.walk(pictures())) {
			List<String> names = files.filter(Files::isRegularFile).map((f) -> f.getFileName().toString()).toList();
			assertThat(names).hasSize(6).doesNotHaveDuplicates().allMatch((n) -> n.endsWith(".jpg"));
		}
	}

	@Test
	void theFormLandsOnTheNewPictureWithLinksToTakeAnotherAndTheGallery() {
		HttpResponse<byte[]> response = this.http.postForm("/cameras/cam/snapshots", List.of());
		assertThat(response.statusCode()).isEqualTo(302);
		String location = PicturesHttp.location(response);
		assertThat(location).startsWith("/pictures/view/cam/");
		String page = this.http.getPage(location);
		assertThat(page).contains("Current picture")
			.contains("action=\"/cameras/cam/snapshots\"")
			.contains("Take another")
			.contains("href=\"/pictures\"")
			.contains("640 × 480");
		// The banner is for the redirect only.
		assertThat(this.http.getPage(location)).doesNotContain("Current picture");
	}

	@Test
	void anUnknownCameraIs404() {
		assertThat(this.http.post("/cameras/nope/snapshots", "application/json", List.of()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void picturesAddedAndRemovedByHandShowOnTheNextRequest() throws IOException {
		assertThat(this.http.getPage("/pictures")).contains("No pictures yet");
		TestImages.write(pictures(), "garden/2024-05-01/garden_20240501-101500-000.jpg", 64, 48);
		TestImages.write(pictures(), "holiday.png", 64, 48);
		TestImages.write(pictures(), "notes.txt", 1, 1);
		String page = this.http.getPage("/pictures");
		assertThat(page).contains("2 pictures")
			.contains("data-name=\"garden/2024-05-01/garden_20240501-101500-000.jpg\"")
			.contains("data-name=\"holiday.png\"")
			.doesNotContain("notes.txt");
		Files.delete(pictures().resolve("holiday.png"));
		assertThat(this.http.getPage("/pictures")).contains("1 picture").doesNotContain("holiday.png");
	}

	@Test
	void theGalleryIsNewestFirstGroupedByDayPagedAndFilteredByCamera() {
		// One more than a page (48 by default): the oldest lands on page 2.
		TestImages.write(pictures(), "cam/2024-05-01/cam_20240501-090000-000.jpg", 32, 24);
		TestImages.write(pictures(), "cam/2024-05-02/cam_20240502-090000-000.jpg", 32, 24);
		for (int minute = 0; minute < 46; minute++) {
			TestImages.write(pictures(), "door/2024-05-02/door_20240502-10%02d00-000.jpg".formatted(minute), 32, 24);
		}
		TestImages.write(pictures(), "door/2024-05-03/door_20240503-100000-000.jpg", 32, 24);
		String first = this.http.getPage("/pictures");
		assertThat(first).contains("49 pictures").contains("Page 1 of 2");
		assertThat(first.indexOf("door_20240503")).isLessThan(first.indexOf("door_20240502"));
		assertThat(first.indexOf("door_20240502")).isLessThan(first.indexOf("cam_20240502"));
		assertThat(first).contains("data-day=\"2024-05-03\"")
			.contains("data-day=\"2024-05-02\"")
			.doesNotContain("cam_20240501");
		assertThat(this.http.getPage("/pictures?page=2")).contains("cam_20240501").doesNotContain("door_2024");
		String door = this.http.getPage("/pictures?camera=door");
		assertThat(door).contains("47 pictures from door").doesNotContain("cam_2024");
		assertThat(this.http.get("/pictures?camera=../x").statusCode()).isEqualTo(400);
	}

	@Test
	void thePicturePageShowsItsFactsAndLinksToItsNeighbours() {
		TestImages.write(pictures(), "cam/2024-05-01/cam_20240501-090000-000.jpg", 320, 200);
		TestImages.write(pictures(), "cam/2024-05-01/cam_20240501-100000-000.jpg", 32, 24);
		TestImages.write(pictures(), "cam/2024-05-01/cam_20240501-110000-000.jpg", 32, 24);
		String page = this.http.getPage("/pictures/view/cam/2024-05-01/cam_20240501-100000-000.jpg");
		assertThat(page).contains("2024-05-01 10:00:00.000")
			.contains("32 × 24")
			.contains("href=\"/pictures/view/cam/2024-05-01/cam_20240501-110000-000.jpg\"")
			.contains("href=\"/pictures/view/cam/2024-05-01/cam_20240501-090000-000.jpg\"")
			.contains("href=\"/pictures/download/cam/2024-05-01/cam_20240501-100000-000.jpg\"");
	}

	@Test
	void downloadsAreAttachmentsAndImagesAreInline() {
		Path file = TestImages.write(pictures(), "cam/2024-05-01/cam_20240501-090000-000.jpg", 32, 24);
		HttpResponse<byte[]> download = this.http.get("/pictures/download/cam/2024-05-01/cam_20240501-090000-000.jpg");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
			.startsWith("attachment; filename=\"cam_20240501-090000-000.jpg\"");
		assertThat(download.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(download.body()).isEqualTo(read(file));
		HttpResponse<byte[]> image = this.http.get("/pictures/image/cam/2024-05-01/cam_20240501-090000-000.jpg");
		assertThat(image.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("inline"));
	}

	@Test
	void thumbnailsAreSmallJpegsAndAPlaceholderStandsInForACorruptPicture() throws IOException {
		TestImages.write(pictures(), "cam/2024-05-01/cam_20240501-090000-000.jpg", 1280, 960);
		Files.write(pictures().resolve("cam/2024-05-01/broken.jpg"), "not really a jpeg".getBytes());
		HttpResponse<byte[]> thumbnail = this.http
			.get("/pictures/thumbnail/cam/2024-05-01/cam_20240501-090000-000.jpg");
		assertThat(thumbnail.statusCode()).isEqualTo(200);
		assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(TestImages.isJpeg(thumbnail.body())).isTrue();
		assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(thumbnail.body())).getWidth()).isEqualTo(320);
		HttpResponse<byte[]> placeholder = this.http.get("/pictures/thumbnail/cam/2024-05-01/broken.jpg");
		assertThat(placeholder.statusCode()).isEqualTo(200);
		assertThat(placeholder.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("image/svg+xml"));
		assertThat(this.http.getPage("/pictures/view/cam/2024-05-01/broken.jpg")).contains("unknown");
		try (Stream<Path> cached = Files.walk(TestFolders.THUMBNAILS)) {
			assertThat(cached.filter(Files::isRegularFile)).isNotEmpty();
		}
		assertThat(this.http.getPage("/pictures")).contains("2 pictures");
	}

	@Test
	void aPictureThatIsGoneIs404() {
		for (String path : List.of("/pictures/view/", "/pictures/image/", "/pictures/thumbnail/",
				"/pictures/download/")) {
			assertThat(this.http.get(path + "cam/2024-05-01/gone.jpg").statusCode()).as(path).isEqualTo(404);
		}
		assertThat(this.http.postForm("/pictures/delete/cam/2024-05-01/gone.jpg", List.of()).statusCode())
			.isEqualTo(404);
		assertThat(this.http.delete("/pictures/image/cam/2024-05-01/gone.jpg").statusCode()).isEqualTo(404);
	}

	@Test
	void deletingOnePictureRemovesItAndItsThumbnailAndSaysSoAfterTheRedirect() throws IOException {
		Path file = TestImages.write(pictures(), "cam/2024-05-01/cam_20240501-090000-000.jpg", 64, 48);
		assertThat(this.http.get("/pictures/thumbnail/cam/2024-05-01/cam_20240501-090000-000.jpg").statusCode())
			.isEqualTo(200);
		assertThat(thumbnailsOf("cam_20240501-090000-000.jpg")).isNotEmpty();
		String delete = "/pictures/delete/cam/2024-05-01/cam_20240501-090000-000.jpg";
		HttpResponse<byte[]> response = this.http.postForm(delete, List.of(Map.entry("camera", "cam")));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(PicturesHttp.location(response)).isEqualTo("/pictures?camera=cam");
		assertThat(file).doesNotExist();
		assertThat(thumbnailsOf("cam_20240501-090000-000.jpg")).isEmpty();
		assertThat(this.http.getPage("/pictures?camera=cam")).contains("Deleted cam_20240501-090000-000.jpg.")
			.doesNotContain("data-name=\"cam/2024-05-01/cam_20240501-090000-000.jpg\"");
	}

	@Test
	void deleteWorksForApiClientsToo() {
		Path file = TestImages.write(pictures(), "cam/2024-05-01/cam_20240501-090000-000.jpg", 64, 48);
		assertThat(this.http.delete("/pictures/image/cam/2024-05-01/cam_20240501-090000-000.jpg").statusCode())
			.isEqualTo(204);
		assertThat(file).doesNotExist();
	}

	@Test
	void deletingASelectionReportsWhatWasDeletedAndWhatWasAlreadyGone() {
		Path one = TestImages.write(pictures(), "cam/2024-05-01/one.jpg", 64, 48);
		Path two = TestImages.write(pictures(), "cam/2024-05-01/two.jpg", 64, 48);
		Path kept = TestImages.write(pictures(), "cam/2024-05-01/kept.jpg", 64, 48);
		HttpResponse<byte[]> response = this.http.postForm("/pictures/selection/delete",
				List.of(Map.entry("name", "cam/2024-05-01/one.jpg"), Map.entry("name", "cam/2024-05-01/two.jpg"),
						Map.entry("name", "cam/2024-05-01/three.jpg"), Map.entry("page", "2")));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(PicturesHttp.location(response)).isEqualTo("/pictures?page=2");
		assertThat(one).doesNotExist();
		assertThat(two).doesNotExist();
		assertThat(kept).exists();
		assertThat(this.http.getPage("/pictures?page=2")).contains("Deleted 2 pictures. 1 was already gone.")
			.contains("1 picture");
	}

	@Test
	void aSelectionDownloadsAsAZipOfThePictures() throws IOException {
		Path one = TestImages.write(pictures(), "cam/2024-05-01/one.jpg", 64, 48);
		TestImages.write(pictures(), "door/two.jpg", 64, 48);
		HttpResponse<byte[]> response = this.http.postForm("/pictures/selection/zip",
				List.of(Map.entry("name", "cam/2024-05-01/one.jpg"), Map.entry("name", "door/two.jpg")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(value) -> assertThat(value).startsWith("attachment; filename=\"camdash-pictures-").endsWith(".zip\""));
		Map<String, byte[]> entries = unzip(response.body());
		assertThat(entries).containsOnlyKeys("cam/2024-05-01/one.jpg", "door/two.jpg");
		assertThat(entries.get("cam/2024-05-01/one.jpg")).isEqualTo(read(one));
		assertThat(entries.values()).allMatch(TestImages::isJpeg);
		assertThat(this.http.postForm("/pictures/selection/zip", List.of()).statusCode()).isEqualTo(400);
	}

	@Test
	void picturesPlacedByHandWithSpacesAndAnyLettersAreListedShownDownloadedZippedAndDeleted() throws IOException {
		Path garden = TestImages.write(pictures(), "Garten/Garten S\u00fcd.jpg", 64, 48);
		TestImages.write(pictures(), "\u6811\u8393\u6d3e/\u76f8\u673a 1.png", 64, 48);
		TestImages.write(pictures(), "Garten/.Garten S\u00fcd.jpg.tmp", 64, 48);
		TestImages.write(pictures(), "Garten/bell\u0007.jpg", 64, 48);
		Document gallery = Jsoup.parse(this.http.getPage("/pictures"));
		assertThat(gallery.select("[data-name]").eachAttr("data-name"))
			.containsExactlyInAnyOrder("Garten/Garten S\u00fcd.jpg", "\u6811\u8393\u6d3e/\u76f8\u673a 1.png");
		assertThat(gallery.select("img.thumbnail").eachAttr("src"))
			.contains("/pictures/thumbnail/Garten/Garten%20S%C3%BCd.jpg");
		String pageLink = gallery.select("a.thumbnail-link")
			.eachAttr("href")
			.stream()
			.filter((href) -> href.startsWith("/pictures/view/Garten/"))
			.findFirst()
			.orElseThrow();
		assertThat(pageLink).isEqualTo("/pictures/view/Garten/Garten%20S%C3%BCd.jpg");
		Document page = Jsoup.parse(this.http.getPage(pageLink));
		String image = page.select("img.picture-image").attr("src");
		assertThat(this.http.get(image).body()).isEqualTo(read(garden));
		assertThat(this.http.getPage("/pictures?camera=Garten")).contains("data-name=\"Garten/Garten S\u00fcd.jpg\"");
		HttpResponse<byte[]> download = this.http.get(page.select("a.download-picture").attr("href"));
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("filename*=UTF-8''Garten%20S%C3%BCd.jpg");
		HttpResponse<byte[]> zip = this.http.postForm("/pictures/selection/zip",
				List.of(Map.entry("name", "Garten/Garten S\u00fcd.jpg")));
		assertThat(unzip(zip.body())).containsOnlyKeys("Garten/Garten S\u00fcd.jpg");
		HttpResponse<byte[]> deleted = this.http.postForm(page.select("form.delete-picture").attr("action"), List.of());
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(garden).doesNotExist();
		assertThat(this.http.get("/pictures/view/Garten/.Garten%20S%C3%BCd.jpg.tmp").statusCode()).isEqualTo(400);
		assertThat(this.http.get("/pictures/image/Garten/bell%07.jpg").statusCode()).isEqualTo(400);
	}

	@Test
	void aPicturePlacedByHandInDecomposedUnicodeIsFoundByEitherFormAndKeepsItsName() throws IOException {
		Path stored = TestImages.write(pictures(), "Garten Su\u0308d/Cafe\u0301 1.jpg", 64, 48);
		Document gallery = Jsoup.parse(this.http.getPage("/pictures"));
		assertThat(gallery.select("[data-name]").eachAttr("data-name"))
			.containsExactly("Garten S\u00fcd/Caf\u00e9 1.jpg");
		for (String name : List.of("Garten%20S%C3%BCd/Caf%C3%A9%201.jpg", "Garten%20Su%CC%88d/Cafe%CC%81%201.jpg",
				"Garten%20S%C3%BCd/Cafe%CC%81%201.jpg")) {
			assertThat(this.http.get("/pictures/image/" + name).body()).as(name).isEqualTo(read(stored));
			assertThat(this.http.get("/pictures/thumbnail/" + name).statusCode()).as(name).isEqualTo(200);
		}
		assertThat(this.http.getPage("/pictures?camera=Garten%20Su%CC%88d"))
			.contains("data-name=\"Garten S\u00fcd/Caf\u00e9 1.jpg\"");
		HttpResponse<byte[]> zip = this.http.postForm("/pictures/selection/zip",
				List.of(Map.entry("name", "Garten Su\u0308d/Cafe\u0301 1.jpg")));
		assertThat(unzip(zip.body())).containsOnlyKeys("Garten S\u00fcd/Caf\u00e9 1.jpg");
		assertThat(stored).exists();
		HttpResponse<byte[]> deleted = this.http.postForm("/pictures/delete/Garten%20S%C3%BCd/Caf%C3%A9%201.jpg",
				List.of());
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(stored).doesNotExist();
	}

	static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private static List<Path> thumbnailsOf(String fileName) throws IOException {
		try (Stream<Path> cached = Files.walk(TestFolders.THUMBNAILS)) {
			return cached.filter((path) -> path.getFileName().toString().startsWith(fileName + "@")).toList();
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

}
