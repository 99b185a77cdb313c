package io.camdash.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import io.camdash.support.SignedInClient;
import io.camdash.support.TestFolders;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API as a client sees it: pictures listed and deleted, notes read and written
 * with a version check, errors as problem details, and its OpenAPI description.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class JsonApiIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private SignedInClient admin;

	@BeforeEach
	void signIn() {
		TestFolders.empty(TestFolders.PICTURES);
		TestFolders.starterNotes();
		this.admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
	}

	@Test
	void photosAreListedReadAndDeleted() throws Exception {
		JsonNode taken = json.readTree(send("POST", "/api/v1/cameras/cam/photos", null).body());
		String name = taken.get("name").asString();
		JsonNode page = json.readTree(send("GET", "/api/v1/pictures?camera=cam&size=10", null).body());
		assertThat(page.get("total").asInt()).isPositive();
		assertThat(page.get("pictures").get(0).get("name").asString()).isEqualTo(name);
		assertThat(page.get("pictures").get(0).get("imageUrl").asString()).endsWith("/pictures/image/" + name);
		assertThat(json.readTree(send("GET", "/api/v1/pictures/" + name, null).body()).get("size").asLong())
			.isEqualTo(Files.size(TestFolders.PICTURES.resolve(name)));

		assertThat(send("DELETE", "/api/v1/pictures/" + name, null).statusCode()).isEqualTo(204);
		assertThat(TestFolders.PICTURES.resolve(name)).doesNotExist();
		HttpResponse<String> gone = send("DELETE", "/api/v1/pictures/" + name, null);
		assertProblem(gone, 404, "No picture");
	}

	@Test
	void notesAreWrittenOnlyOverTheVersionTheClientRead() throws Exception {
		HttpResponse<String> created = send("PUT", "/api/v1/notes/garden/door.md",
				"{\"markdown\":\"# Door\\n\\nOiled.\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(Files.readString(TestFolders.NOTES.resolve("garden/door.md"))).isEqualTo("# Door\n\nOiled.");
		assertProblem(send("PUT", "/api/v1/notes/garden/door.md", "{\"markdown\":\"again\"}"), 409, "Not saved");

		JsonNode note = json.readTree(send("GET", "/api/v1/notes/garden/door.md", null).body());
		assertThat(note.get("title").asString()).isEqualTo("Door");
		String version = note.get("version").asString();
		HttpResponse<String> saved = send("PUT", "/api/v1/notes/garden/door.md",
				"{\"markdown\":\"# Door\\n\\nOiled twice.\",\"version\":\"" + version + "\"}");
		assertThat(saved.statusCode()).isEqualTo(200);
		// A second write over the old version would lose the first: refused, with the
		// version to merge with.
		HttpResponse<String> stale = send("PUT", "/api/v1/notes/garden/door.md",
				"{\"markdown\":\"# Door\\n\\nLost?\",\"version\":\"" + version + "\"}");
		assertProblem(stale, 409, "not the version you sent");
		assertThat(json.readTree(stale.body()).get("currentVersion").asString())
			.isEqualTo(json.readTree(saved.body()).get("version").asString());
		assertThat(Files.readString(TestFolders.NOTES.resolve("garden/door.md"))).endsWith("Oiled twice.");

		JsonNode list = json.readTree(send("GET", "/api/v1/notes", null).body());
		assertThat(list.get(0).get("path").asString()).isEqualTo("garden/door.md");
	}

	@Test
	void notesNamedWithSpacesAndAnyLettersGetEncodedUrls() throws Exception {
		HttpResponse<String> created = send("PUT", "/api/v1/notes/Garten%20S%C3%BCd/%E6%A0%91%20pi.md",
				"{\"markdown\":\"# Pi\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(TestFolders.NOTES.resolve("Garten S\u00fcd/\u6811 pi.md")).hasContent("# Pi");
		String url = json.readTree(created.body()).get("url").asString();
		assertThat(url).endsWith("/api/v1/notes/Garten%20S%C3%BCd/%E6%A0%91%20pi.md");
		assertThat(created.headers().firstValue("Location")).hasValue(url);
		assertThat(json.readTree(send("GET", URI.create(url).getRawPath(), null).body()).get("title").asString())
			.isEqualTo("Pi");
		Files.createDirectories(TestFolders.PICTURES.resolve("Garten"));
		Files.write(TestFolders.PICTURES.resolve("Garten/Garten S\u00fcd.jpg"),
				new byte[] { (byte) 0xFF, (byte) 0xD8 });
		JsonNode picture = json.readTree(send("GET", "/api/v1/pictures?camera=Garten", null).body())
			.findValue("pictures")
			.get(0);
		assertThat(picture.get("imageUrl").asString()).endsWith("/pictures/image/Garten/Garten%20S%C3%BCd.jpg");
		assertThat(picture.get("url").asString()).endsWith("/api/v1/pictures/Garten/Garten%20S%C3%BCd.jpg");
	}

	@Test
	void errorsAreProblemDetailsInWords() throws Exception {
		assertProblem(send("GET", "/api/v1/cameras/nope", null), 404, "nope");
		assertProblem(send("GET", "/api/v1/notes/bad%7Cname.md", null), 400, "Invalid note name");
		HttpResponse<String> badJson = send("PUT", "/api/v1/notes/a.md", "{not json");
		assertProblem(badJson, 400, null);
		assertThat(badJson.body()).doesNotContain("Exception", "tools.jackson");
	}

	@Test
	void theOpenApiDescriptionIsForSignedInUsers() throws Exception {
		HttpResponse<String> description = send("GET", "/api/docs/openapi.json", null);
		assertThat(description.statusCode()).isEqualTo(200);
		JsonNode openApi = json.readTree(description.body());
		assertThat(openApi.get("paths").propertyNames()).contains("/api/v1/cameras", "/api/v1/cameras/{id}/photos",
				"/api/v1/pictures", "/api/v1/notes/{path}");
		assertThat(openApi.get("components").get("securitySchemes").get("apiToken").get("scheme").asString())
			.isEqualTo("bearer");
		assertThat(this.admin.get("/api/docs").statusCode()).isIn(200, 302);
		HttpResponse<String> anonymous = SignedInClient.anonymous(this.port).get("/api/docs/openapi.json");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	private static void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		if (detail != null) {
			assertThat(problem.get("detail").asString()).contains(detail);
		}
	}

	/** Sends as a page's script does: the session, its CSRF token, JSON. */
	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", this.admin.csrfToken())
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpClient client = this.admin.httpClient();
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
