package io.camdash;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import io.camdash.support.Browser;
import io.camdash.support.SignedInBrowserTests;
import io.camdash.support.TestFolders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (fetched by src/test/setup/install-test-tools.sh) finds no WCAG 2.2 AA
 * violation on any page, in the light and the dark colour mode.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTests extends SignedInBrowserTests {

	private static final Path AXE = Path.of("target/test-tools/node_modules/axe-core/axe.min.js");

	private static final String PICTURE = "cam/2026-01-03/cam_20260103-120000-000.jpg";

	/** Every page a signed-in ADMIN can open, with something on each. */
	private static final List<String> PAGES = List.of("/", "/cameras/cam", "/pictures", "/pictures/view/" + PICTURE,
			"/events", "/notes", "/notes/welcome.md", "/notes/welcome.md?edit", "/notes/new", "/notes/search?q=camdash",
			"/settings/tokens", "/settings/cameras", "/settings/cameras/new", "/settings/users",
			"/settings/camera-tokens", "/offline", "/no-such-page");

	/** Runs axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules; answers the violations. */
	private static final String RUN_AXE = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag',
			    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })
			  .then((results) => done(results.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + '\\n'
			      + v.nodes.map((n) => '    ' + n.target.join(' ') + ' | ' + n.failureSummary.replace(/\\n/g, ' '))
			        .join('\\n'))))
			  .catch((e) => done(['axe failed: ' + e]));""";

	@BeforeAll
	static void somethingOnEveryPage() throws IOException {
		TestFolders.starterNotes();
		Path file = TestFolders.PICTURES.resolve(PICTURE);
		Files.createDirectories(file.getParent());
		ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpg", file.toFile());
	}

	@Test
	void everyPageInBothColourModesHasNoWcag22AaViolation() throws IOException {
		String axe = Files.readString(AXE);
		browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		List<String> problems = new ArrayList<>();
		for (String mode : new String[] { "light", "dark" }) {
			browser.driver().get(url("/"));
			browser.driver().executeScript("localStorage.setItem('camdash.theme', arguments[0])", mode);
			for (String page : PAGES) {
				check(page, mode, axe, problems);
			}
		}
		try (Browser signedOut = Browser.open()) {
			signedOut.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
			signedOut.driver().get(url("/login"));
			problems.addAll(violations(signedOut, axe).stream().map((v) -> "/login (light): " + v).toList());
		}
		assertThat(problems).as(String.join("\n", problems)).isEmpty();
	}

	private void check(String page, String mode, String axe, List<String> problems) {
		browser.driver().get(url(page));
		browser.await((d) -> browser.driver().executeScript("return document.readyState === 'complete'"));
		assertThat(browser.driver().executeScript("return document.documentElement.dataset.bsTheme")).isEqualTo(mode);
		for (String violation : violations(browser, axe)) {
			problems.add(page + " (" + mode + "): " + violation);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> violations(Browser on, String axe) {
		on.driver().executeScript(axe);
		return (List<String>) on.driver().executeAsyncScript(RUN_AXE);
	}

}
