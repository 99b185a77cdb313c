package io.camdash.pictures;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camdash.support.TestFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that try to leave the pictures folder, against every route that takes one. Each
 * must answer 400 or 404, never show the secret file outside, and never remove it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PicturesSafetyIntegrationTests {

	private static final String SECRET = "secret outside the pictures folder";

	/** Holds the pictures folder, and the secrets beside it. */
	private static final Path DATA = TestFolders.ROOT;

	@LocalServerPort
	private int port;

	private PicturesHttp http;

	@BeforeAll
	static void secretsOutside() throws IOException {
		removeSecrets();
		Path pictures = Files.createDirectories(DATA.resolve("pictures/cam"));
		Files.createDirectories(DATA.resolve("outside"));
		// The secret is a valid JPEG so that only the guards, not a decoder, keep it out.
		Files.write(DATA.resolve("outside/secret.jpg"), withSecret(TestImages.jpeg(16, 16)));
		Files.write(DATA.resolve("secret.jpg"), withSecret(TestImages.jpeg(16, 16)));
		Files.createSymbolicLink(pictures.resolve("link.jpg"), DATA.resolve("outside/secret.jpg"));
		Files.createSymbolicLink(DATA.resolve("pictures/escape"), DATA.resolve("outside"));
		TestImages.write(DATA.resolve("pictures"), "cam/kept.jpg", 16, 16);
	}

	@AfterAll
	static void removeSecrets() throws IOException {
		TestFolders.empty(TestFolders.PICTURES);
		TestFolders.empty(DATA.resolve("outside"));
		Files.deleteIfExists(DATA.resolve("secret.jpg"));
	}

	private static byte[] withSecret(byte[] jpeg) {
		byte[] secret = SECRET.getBytes(StandardCharsets.US_ASCII);
		byte[] out = new byte[jpeg.length + secret.length];
		System.arraycopy(jpeg, 0, out, 0, jpeg.length);
		System.arraycopy(secret, 0, out, jpeg.length, secret.length);
		return out;
	}

	@BeforeEach
	void client() {
		this.http = new PicturesHttp(this.port);
	}

	/** Attacks as they appear in a URL path, raw, encoded and double-encoded. */
	static List<String> attacksInPaths() {
		String outside = DATA.resolve("outside/secret.jpg").toString();
		return List.of("../secret.jpg", "../../secret.jpg", "cam/../../secret.jpg", "..%2fsecret.jpg",
				"%2e%2e%2fsecret.jpg", "%2e%2e/%2e%2e/secret.jpg", "cam/%2e%2e%2f%2e%2e%2fsecret.jpg",
				"..%5csecret.jpg", "..%5c..%5csecret.jpg", "%252e%252e%252fsecret.jpg", "cam/kept.jpg%00.png",
				"secret.jpg%00", "%00../secret.jpg", "/" + outside.substring(1), "%2F" + outside.substring(1),
				"file:" + outside, "cam/link.jpg", "escape/secret.jpg", ".%2e/secret.jpg", "cam/./../../secret.jpg",
				"%C3%A9t%C3%A9/../../secret.jpg", "%C3%A9t%C3%A9%2F..%2F..%2Fsecret.jpg", "..%C0%AFsecret.jpg",
				"%C0%AE%C0%AE/secret.jpg", "cam/%E2%80%AEgpj.jpg", "caf%C3%A9%5C..%5C..%5Csecret.jpg",
				"%EF%BC%8E%EF%BC%8E%EF%BC%8Fsecret.jpg", "%EF%BC%8E%EF%BC%8E/secret.jpg",
				"cam%EF%BC%8F%EF%BC%8E%EF%BC%8E%EF%BC%8F%EF%BC%8E%EF%BC%8E%EF%BC%8Fsecret.jpg",
				"%EF%BC%8E%EF%BC%8E%EF%BC%BCsecret.jpg", "%E2%80%A5/secret.jpg", "cam/kept%E2%80%8B.jpg",
				".%CC%81./secret.jpg", "cam/%EF%BC%8Ekept.jpg");
	}

	/** Attacks as a form posts them: the server sees them decoded. */
	static List<String> attacksInForms() {
		String outside = DATA.resolve("outside/secret.jpg").toString();
		return List.of("../secret.jpg", "cam/../../secret.jpg", "..\\secret.jpg", "cam\\..\\..\\secret.jpg",
				"%2e%2e%2fsecret.jpg", "cam/kept.jpg\u0000.png", "secret.jpg\u0000", outside, "//" + outside,
				"C:\\secret.jpg", "cam/link.jpg", "escape/secret.jpg", "./cam/kept.jpg", "cam//kept.jpg", "",
				"\u00e9t\u00e9/../../secret.jpg", "caf\u00e9\\..\\secret.jpg", "cam/\u202egpj.jpg",
				"\uff0e\uff0e\uff0fsecret.jpg", "\uff0e\uff0e/secret.jpg", "cam\uff0f\uff0e\uff0e\uff0fsecret.jpg",
				"\u2025/secret.jpg", "cam/kept\u200b.jpg", "cam/\u200dkept.jpg");
	}

	@ParameterizedTest
	@MethodSource("attacksInPaths")
	void viewThumbnailAndDownloadRefuse(String attack) {
		for (String route : List.of("/pictures/view/", "/pictures/image/", "/pictures/thumbnail/",
				"/pictures/download/")) {
			HttpResponse<byte[]> response = this.http.get(route + attack);
			assertThat(response.statusCode()).as(route + attack).isIn(400, 404);
			assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).as(route + attack)
				.doesNotContain(SECRET);
		}
		assertSecretsIntact();
	}

	@ParameterizedTest
	@MethodSource("attacksInPaths")
	void deleteRefuses(String attack) {
		assertThat(this.http.postForm("/pictures/delete/" + attack, List.of()).statusCode()).as(attack).isIn(400, 404);
		assertThat(this.http.delete("/pictures/image/" + attack).statusCode()).as(attack).isIn(400, 404);
		assertSecretsIntact();
	}

	@ParameterizedTest
	@MethodSource("attacksInForms")
	void selectionsRefuseOrIgnoreNamesOutside(String attack) throws IOException {
		HttpResponse<byte[]> zip = this.http.postForm("/pictures/selection/zip", List.of(Map.entry("name", attack)));
		assertThat(zip.statusCode()).as(attack).isIn(400, 404);
		assertThat(new String(zip.body(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
		HttpResponse<byte[]> delete = this.http.postForm("/pictures/selection/delete",
				List.of(Map.entry("name", attack), Map.entry("name", "cam/kept.jpg")));
		// A bad name refuses the whole request; a well-formed one that is a symlink is
		// simply not deleted.
		assertThat(delete.statusCode()).as(attack).isIn(400, 302);
		assertSecretsIntact();
		if (delete.statusCode() == 400) {
			assertThat(DATA.resolve("pictures/cam/kept.jpg")).as("refused with " + attack).exists();
		}
		else {
			assertThat(attack).as("only well-formed names get this far").matches("[a-z]+/[a-z]+\\.jpg");
			assertThat(this.http.getPage("/pictures")).contains("Deleted 1 picture. 1 was already gone.");
			TestImages.write(DATA.resolve("pictures"), "cam/kept.jpg", 16, 16);
		}
	}

	private static void assertSecretsIntact() {
		assertThat(DATA.resolve("outside/secret.jpg")).exists();
		assertThat(DATA.resolve("secret.jpg")).exists();
		assertThat(Files.isSymbolicLink(DATA.resolve("pictures/cam/link.jpg"))).isTrue();
		assertThat(Files.isSymbolicLink(DATA.resolve("pictures/escape"))).isTrue();
	}

}
