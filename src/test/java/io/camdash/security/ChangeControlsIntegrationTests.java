package io.camdash.security;

import io.camdash.support.SignedInClient;
import io.camdash.support.TestFolders;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A VIEWER is not offered buttons it may not use; an ADMIN is. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChangeControlsIntegrationTests {

	@LocalServerPort
	private int port;

	@BeforeAll
	static void starterNotes() {
		TestFolders.starterNotes();
	}

	@Test
	void aViewerSeesNoTakePhotoEditOrDeleteButtons() {
		SignedInClient viewer = SignedInClient.signIn(this.port, TestUsers.VIEWER);
		assertThat(viewer.get("/cameras/cam").body()).contains("live-image").doesNotContain("take-photo");
		assertThat(viewer.get("/notes").body()).contains("note-row").doesNotContain("id=\"new-note\"");
		assertThat(viewer.get("/notes/welcome.md").body()).contains("note-body")
			.doesNotContain("id=\"edit-note\"", "delete-note-form", "rename-form");
	}

	@Test
	void anAdminSeesThem() {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		assertThat(admin.get("/cameras/cam").body()).contains("take-photo");
		assertThat(admin.get("/notes").body()).contains("id=\"new-note\"");
		assertThat(admin.get("/notes/welcome.md").body()).contains("id=\"edit-note\"", "delete-note-form",
				"rename-form");
	}

}
