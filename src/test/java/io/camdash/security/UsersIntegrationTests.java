package io.camdash.security;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camdash.CamdashApplication;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestFolders;
import io.camdash.support.TestUsers;
import io.camdash.support.TestUsers.User;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users page with a real server: users made in the browser sign in, keep their
 * passwords only as hashes in the settings file and survive a restart; a changed password
 * or a removal signs the user out of their other sessions (remember-me included); users
 * of the configuration stay read-only; injection payloads stay data.
 */
@ExtendWith(OutputCaptureExtension.class)
class UsersIntegrationTests {

	private static final Path DATA = TestFolders.ROOT.resolveSibling("camdash-users-test-data");

	private static final Path SETTINGS = DATA.resolve("settings.yaml");

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start() throws Exception {
		FileSystemUtils.deleteRecursively(DATA);
		run();
	}

	private static void run() {
		context = new SpringApplicationBuilder(CamdashApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--camdash.security.data-folder=" + DATA, "--camdash.cameras[0].id=door",
				"--camdash.cameras[0].fps=5");
		port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	private static SignedInClient admin() {
		return SignedInClient.signIn(port, TestUsers.ADMIN);
	}

	private static Document usersPage(SignedInClient client) {
		return Jsoup.parse(client.get("/settings/users").body());
	}

	private static String flash(SignedInClient client) {
		Document page = usersPage(client);
		return page.select(".flash-message, .flash-error").text();
	}

	private static void add(SignedInClient admin, String name, String password, Role role) {
		HttpResponse<String> added = admin.post("/settings/users",
				Map.of("name", name, "password", password, "role", role.name()));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(flash(admin)).isEqualTo("User " + name + " added.");
	}

	private static boolean signedIn(SignedInClient client) {
		HttpResponse<String> home = client.get("/");
		return home.statusCode() == 200;
	}

	@Test
	void aUserAddedInTheBrowserSignsInAndTheirPasswordIsKeptOnlyAsAHash(CapturedOutput output) throws Exception {
		add(admin(), "family", "family-password-1", Role.VIEWER);
		SignedInClient family = SignedInClient.signIn(port, new User("family", "family-password-1"));
		assertThat(signedIn(family)).isTrue();
		assertThat(family.get("/settings/users").statusCode()).isEqualTo(403);
		String file = Files.readString(SETTINGS);
		assertThat(file).contains("name: family").contains("{bcrypt}").doesNotContain("family-password-1");
		assertThat(output).contains("Audit: admin added user 'family' with role VIEWER")
			.doesNotContain("family-password-1");
	}

	@Test
	void changingAPasswordSignsTheUserOutOfTheirOtherSessionsAndRememberMe() {
		SignedInClient admin = admin();
		add(admin, "ann", "ann-password-1", Role.ADMIN);
		SignedInClient session = SignedInClient.signIn(port, new User("ann", "ann-password-1"));
		SignedInClient remembered = SignedInClient.anonymous(port);
		assertThat(remembered.submitLogin("ann", "ann-password-1", true).statusCode()).isEqualTo(302);
		remembered.dropCookie("JSESSIONID");
		assertThat(signedIn(session)).isTrue();
		assertThat(signedIn(remembered)).isTrue();

		admin.post("/settings/users/password", Map.of("name", "ann", "password", "ann-password-2"));
		assertThat(flash(admin)).contains("Password of ann changed");

		HttpResponse<String> afterChange = session.get("/");
		assertThat(afterChange.statusCode()).isEqualTo(302);
		assertThat(afterChange.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).contains("/login"));
		remembered.dropCookie("JSESSIONID");
		assertThat(signedIn(remembered)).isFalse();
		assertThat(SignedInClient.anonymous(port)
			.submitLogin("ann", "ann-password-1", false)
			.headers()
			.firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).contains("/login?error"));
		assertThat(signedIn(SignedInClient.signIn(port, new User("ann", "ann-password-2")))).isTrue();
	}

	@Test
	void removingAUserSignsOutTheirSessions() {
		SignedInClient admin = admin();
		add(admin, "bob", "bob-password-1", Role.VIEWER);
		SignedInClient bob = SignedInClient.signIn(port, new User("bob", "bob-password-1"));
		assertThat(signedIn(bob)).isTrue();
		admin.post("/settings/users/remove", Map.of("name", "bob"));
		assertThat(flash(admin)).isEqualTo("User bob removed; their sessions are signed out.");
		assertThat(signedIn(bob)).isFalse();
		assertThat(usersPage(admin).select("tr.user[data-user=bob]")).isEmpty();
	}

	@Test
	void aRoleChangeAppliesAndSignsTheUserOut() {
		SignedInClient admin = admin();
		add(admin, "carol", "carol-password-1", Role.VIEWER);
		SignedInClient carol = SignedInClient.signIn(port, new User("carol", "carol-password-1"));
		admin.post("/settings/users/role", Map.of("name", "carol", "role", "ADMIN"));
		assertThat(signedIn(carol)).isFalse();
		SignedInClient carolAgain = SignedInClient.signIn(port, new User("carol", "carol-password-1"));
		assertThat(carolAgain.get("/settings/users").statusCode()).isEqualTo(200);
	}

	@Test
	void oneOwnPasswordNeedsTheCurrentOneAndKeepsOneOwnSession() {
		SignedInClient admin = admin();
		add(admin, "dora", "dora-password-1", Role.ADMIN);
		SignedInClient dora = SignedInClient.signIn(port, new User("dora", "dora-password-1"));
		SignedInClient doraElsewhere = SignedInClient.signIn(port, new User("dora", "dora-password-1"));
		dora.post("/settings/users/password",
				Map.of("name", "dora", "currentPassword", "wrong", "password", "dora-password-2"));
		assertThat(flash(dora)).isEqualTo("Your current password is not right: nothing was changed.");
		dora.post("/settings/users/password",
				Map.of("name", "dora", "currentPassword", "dora-password-1", "password", "dora-password-2"));
		assertThat(flash(dora)).contains("Password of dora changed");
		assertThat(signedIn(dora)).isTrue();
		assertThat(signedIn(doraElsewhere)).isFalse();
	}

	@Test
	void anAdminCannotRemoveOrDemoteThemselves() {
		SignedInClient admin = admin();
		add(admin, "erin", "erin-password-1", Role.ADMIN);
		SignedInClient erin = SignedInClient.signIn(port, new User("erin", "erin-password-1"));
		erin.post("/settings/users/remove", Map.of("name", "erin"));
		assertThat(flash(erin)).isEqualTo("You cannot remove yourself: sign in as another ADMIN to remove erin.");
		erin.post("/settings/users/role", Map.of("name", "erin", "role", "VIEWER"));
		assertThat(flash(erin)).isEqualTo("You cannot take ADMIN from yourself: sign in as another ADMIN to do that.");
		assertThat(signedIn(erin)).isTrue();
	}

	@Test
	void usersOfTheConfigurationAreReadOnlyAndSaidSo() {
		SignedInClient admin = admin();
		Document page = usersPage(admin);
		assertThat(page.selectFirst(".read-only-note").text()).contains("read-only here");
		assertThat(page.select("tr.user[data-user=viewer] .user-origin").text()).isEqualTo("configuration");
		assertThat(page.select("tr.user[data-user=viewer] form")).isEmpty();
		admin.post("/settings/users/role", Map.of("name", "viewer", "role", "ADMIN"));
		assertThat(flash(admin))
			.isEqualTo("viewer comes from the configuration (application.yaml) and cannot be changed here.");
		admin.post("/settings/users/password", Map.of("name", "admin", "password", "x-new-password"));
		assertThat(flash(admin))
			.isEqualTo("admin comes from the configuration (application.yaml): change the password there and restart.");
		admin.post("/settings/users/password", Map.of("name", "viewer", "password", "x-new-password"));
		assertThat(flash(admin)).contains("change the password there and restart");
		assertThat(SignedInClient.signIn(port, TestUsers.VIEWER)).isNotNull();
	}

	@Test
	void badNamesAreRefusedWithTheStartUpRulesAndKeepTheTypedName() {
		SignedInClient admin = admin();
		for (String name : List.of("a\nadmin-password: x", "{{7*7}}", "!!javax.script.ScriptEngineManager [x]", "",
				"viewer", "ADMIN")) {
			admin.post("/settings/users", Map.of("name", name, "password", "some-password", "role", "ADMIN"));
			Document page = usersPage(admin);
			assertThat(page.select(".flash-error").text()).as(name)
				.isIn("A user's name must be 1-64 letters, digits, '.', '_', '@' or '-'.",
						"A user named \"" + name + "\" exists already.");
		}
		admin.post("/settings/users", Map.of("name", "{{7*7}}", "password", "x", "role", "VIEWER"));
		assertThat(usersPage(admin).selectFirst("#user-name").val()).isEqualTo("{{7*7}}");
		assertThat(usersPage(admin).select("tr.user")).extracting((row) -> row.attr("data-user"))
			.noneMatch((name) -> name.contains("7") || name.contains("javax"));
	}

	@Test
	void injectionPayloadsAsPasswordsAreStoredAsDataAndChangeNothingElse() throws Exception {
		SignedInClient admin = admin();
		List<String> payloads = List.of("a\nadmin-password: x", "{{7*7}}", "!!javax.script.ScriptEngineManager [x]");
		for (int i = 0; i < payloads.size(); i++) {
			add(admin, "payload" + i, payloads.get(i), Role.VIEWER);
		}
		for (int i = 0; i < payloads.size(); i++) {
			assertThat(signedIn(SignedInClient.signIn(port, new User("payload" + i, payloads.get(i))))).isTrue();
		}
		String file = Files.readString(SETTINGS);
		assertThat(file).doesNotContain("admin-password").doesNotContain("javax").doesNotContain("{{");
		assertThat(SignedInClient.anonymous(port).submitLogin("admin", "x", false).headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).contains("/login?error"));
		assertThat(signedIn(admin())).isTrue();
	}

	@Test
	void aViewerGets403OnEverySettingsRoute() {
		SignedInClient viewer = SignedInClient.signIn(port, TestUsers.VIEWER);
		for (String path : List.of("/settings/users", "/settings/camera-tokens", "/settings/cameras",
				"/settings/tokens")) {
			assertThat(viewer.get(path).statusCode()).as(path).isEqualTo(403);
		}
		for (String path : List.of("/settings/users", "/settings/users/role", "/settings/users/password",
				"/settings/users/remove", "/settings/camera-tokens", "/settings/camera-tokens/0123456789ab/revoke",
				"/settings/tokens")) {
			assertThat(viewer.post(path, Map.of("name", "viewer", "role", "ADMIN", "password", "x", "camera", "door"))
				.statusCode()).as(path).isEqualTo(403);
		}
	}

	@Test
	void changesWithoutTheCsrfTokenAreRefused() {
		SignedInClient admin = admin();
		HttpResponse<String> refused = admin.send("POST", "/settings/users",
				Map.of("name", "nocsrf", "password", "some-password", "role", "ADMIN"), false);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(usersPage(admin).select("tr.user[data-user=nocsrf]")).isEmpty();
	}

	@Test
	void usersMadeInTheBrowserAreStillThereAfterARestart() {
		add(admin(), "gina", "gina-password-1", Role.ADMIN);
		context.close();
		run();
		SignedInClient gina = SignedInClient.signIn(port, new User("gina", "gina-password-1"));
		assertThat(gina.get("/settings/users").statusCode()).isEqualTo(200);
		assertThat(usersPage(gina).select("tr.user[data-user=gina] .user-origin").text()).isEqualTo("settings file");
	}

}
