package io.camdash.settings;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camdash.CamdashApplication;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestFolders;
import io.camdash.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings' cameras page lists every camera in display order and says which come from
 * the configuration (read-only there) and which from the settings file; camera passwords
 * never reach it.
 */
class SettingsCamerasIntegrationTests {

	private static final Path DATA = TestFolders.ROOT.resolveSibling("camdash-settings-test-data");

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start() throws Exception {
		FileSystemUtils.deleteRecursively(DATA);
		new SettingsFile(DATA).write(Map.of("cameras", List.of(Map.of("id", "yard", "name", "Back yard", "source",
				"rtsp://user:secret-password@192.0.2.12:554/stream1?key=secret-key"))));
		context = new SpringApplicationBuilder(CamdashApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--camdash.security.data-folder=" + DATA, "--camdash.cameras[0].id=door",
				"--camdash.cameras[0].name=Front door");
		port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void everyCameraIsListedInDisplayOrderWithWhereItComesFrom() {
		Document page = Jsoup.parse(SignedInClient.signIn(port, TestUsers.ADMIN).get("/settings/cameras").body());
		List<Element> rows = page.select("tr.camera");
		assertThat(rows).extracting((row) -> row.attr("data-camera")).containsExactly("door", "yard");
		assertThat(rows).extracting((row) -> row.selectFirst(".camera-origin").text())
			.containsExactly("configuration", "settings file");
		assertThat(page.selectFirst(".read-only-note").text()).contains("read-only here")
			.contains(DATA.resolve(SettingsFile.NAME).toAbsolutePath().normalize().toString());
	}

	@Test
	void sourcePasswordsNeverReachThePage() {
		String page = SignedInClient.signIn(port, TestUsers.ADMIN).get("/settings/cameras").body();
		assertThat(page).contains("192.0.2.12").doesNotContain("secret-password").doesNotContain("secret-key");
	}

	@Test
	void theSettingsAreInTheNavigationForAdminsOnly() {
		String adminPage = SignedInClient.signIn(port, TestUsers.ADMIN).get("/").body();
		assertThat(Jsoup.parse(adminPage).select("nav a[href=/settings/cameras]")).hasSize(1);
		HttpResponse<String> viewer = SignedInClient.signIn(port, TestUsers.VIEWER).get("/");
		assertThat(Jsoup.parse(viewer.body()).select("nav a[href=/settings/cameras]")).isEmpty();
		assertThat(SignedInClient.signIn(port, TestUsers.VIEWER).get("/settings/cameras").statusCode()).isEqualTo(403);
	}

}
