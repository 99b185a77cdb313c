package io.camdash;

import java.util.Map;

import io.camdash.support.SignedInBrowserTests;
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

	private static final Map<String, String> CATALOG_NAMES = Map.of("/", "dashboard", "/cameras/cam", "camera-live",
			"/pictures", "pictures-gallery", "/notes", "notes-list");

	private static final String MODE = "return document.documentElement.getAttribute('data-bs-theme')";

	/**
	 * Relative luminance (0 black to 1 white) of an element's computed colour property.
	 */
	private static final String LUMINANCE = """
			const c = getComputedStyle(document.querySelector(arguments[0]))[arguments[1]].match(/\\d+(\\.\\d+)?/g);
			return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255;""";

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
		for (String page : new String[] { "/", "/cameras/cam", "/pictures", "/notes" }) {
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
