package io.camdash;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.camdash.support.SignedInBrowserTests;
import io.camdash.support.TestFolders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dark mode: follows the system until the user picks a mode in the user menu, which this
 * browser remembers on every page, set before the page paints.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ColourModeBrowserTests extends SignedInBrowserTests {

	private static final String PICTURE = "cam/2026-01-03/cam_20260103-120000-000.jpg";

	private static final Map<String, String> CATALOG_NAMES = Map.of("/", "dashboard", "/cameras/cam", "camera-live",
			"/pictures", "pictures-gallery", "/pictures/view/" + PICTURE, "pictures-picture", "/notes", "notes-list",
			"/settings/cameras", "settings-cameras", "/settings/cameras/new", "settings-camera-form", "/settings/users",
			"settings-users", "/settings/camera-tokens", "settings-camera-tokens", "/settings/tokens",
			"settings-tokens");

	/** Pages whose light screenshot no other test takes. */
	private static final List<String> LIGHT_ONLY_HERE = List.of("/settings/cameras", "/settings/cameras/new",
			"/settings/users", "/settings/camera-tokens", "/settings/tokens");

	private static final String MODE = "return document.documentElement.getAttribute('data-bs-theme')";

	/**
	 * Relative luminance (0 black to 1 white) of an element's computed colour property.
	 */
	private static final String LUMINANCE = """
			const c = getComputedStyle(document.querySelector(arguments[0]))[arguments[1]].match(/\\d+(\\.\\d+)?/g);
			return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255;""";

	@BeforeAll
	static void aPicture() throws IOException {
		Path file = TestFolders.PICTURES.resolve(PICTURE);
		Files.createDirectories(file.getParent());
		BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, new Color(0x1565c0), 320, 240, new Color(0xef6c00)));
		graphics.fillRect(0, 0, 320, 240);
		graphics.dispose();
		ImageIO.write(image, "jpg", file.toFile());
	}

	@Test
	void theSwitchInTheUserMenuChangesTheModeAndEveryPageRemembersIt() {
		browser.driver().get(url("/"));
		browser.driver().executeScript("localStorage.clear()");
		browser.driver().navigate().refresh();
		assertThat(mode()).isEqualTo("light");
		assertThat(luminance("body", "backgroundColor")).isGreaterThan(0.8);
		choose("dark");
		assertThat(mode()).isEqualTo("dark");
		assertThat(luminance("body", "backgroundColor")).isLessThan(0.2);
		assertThat(browser.driver().findElement(By.cssSelector("[data-theme-value=dark]")).getAttribute("aria-pressed"))
			.isEqualTo("true");
		for (String page : new String[] { "/", "/cameras/cam", "/pictures", "/pictures/view/" + PICTURE, "/notes",
				"/settings/cameras", "/settings/cameras/new", "/settings/users", "/settings/camera-tokens",
				"/settings/tokens" }) {
			browser.driver().get(url(page));
			assertThat(mode()).as(page).isEqualTo("dark");
			assertThat(luminance("body", "backgroundColor")).as(page).isLessThan(0.2);
			assertThat(luminance("h1, .h4, main", "color")).as(page + ": text readable on dark").isGreaterThan(0.7);
			// The page catalog shows each page dark too.
			browser.screenshot(CATALOG_NAMES.get(page) + "-dark");
		}
		browser.driver().get(url("/cameras/cam"));
		choose("light");
		browser.driver().get(url("/"));
		assertThat(mode()).isEqualTo("light");
		assertThat(luminance("h1, .h4, main", "color")).isLessThan(0.3);
		for (String page : LIGHT_ONLY_HERE) {
			browser.driver().get(url(page));
			browser.screenshot(CATALOG_NAMES.get(page));
		}
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void theModeIsSetInTheHeadBeforeAnythingPaints() {
		browser.driver().get(url("/cameras/cam"));
		Object script = browser.driver()
			.executeScript("const s = document.querySelector('head script[src*=\"/js/theme\"]');"
					+ " const firstCss = document.querySelector('head link[rel=stylesheet]');"
					+ " return s && !s.defer && !s.async && !!(s.compareDocumentPosition(firstCss) & 4)");
		assertThat(script).as("theme.js is a blocking script before the first stylesheet").isEqualTo(true);
	}

	@Test
	void asTheSystemFollowsTheSystemSettingAsItChanges() {
		browser.driver().get(url("/"));
		choose("auto");
		assertThat(browser.driver().executeScript("return localStorage.getItem('camdash.theme')")).isNull();
		try {
			emulateSystem("dark");
			browser.await((d) -> "dark".equals(mode()));
			browser.driver().get(url("/pictures"));
			assertThat(mode()).isEqualTo("dark");
			emulateSystem("light");
			browser.await((d) -> "light".equals(mode()));
		}
		finally {
			emulateSystem("");
		}
	}

	private static void choose(String value) {
		browser.driver().findElement(By.id("theme-toggle")).click();
		browser.await((d) -> d.findElement(By.cssSelector("[data-theme-value=" + value + "]")).isDisplayed());
		browser.driver().findElement(By.cssSelector("[data-theme-value=" + value + "]")).click();
	}

	private static void emulateSystem(String scheme) {
		browser.driver()
			.executeCdpCommand("Emulation.setEmulatedMedia",
					Map.of("features", java.util.List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	private static String mode() {
		return (String) browser.driver().executeScript(MODE);
	}

	private static double luminance(String selector, String property) {
		return ((Number) browser.driver().executeScript(LUMINANCE, selector, property)).doubleValue();
	}

}
