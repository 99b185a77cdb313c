package io.camdash.camera;

import java.util.List;

import io.camdash.support.SignedInBrowserTests;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nine cameras on one dashboard: on a 1366×768 laptop screen every tile shows without
 * scrolling, each in its camera's shape, and the columns a user chooses stay chosen.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camdash.cameras[0].id=c0", "camdash.cameras[0].fps=2", "camdash.cameras[0].width=640",
				"camdash.cameras[0].height=360", "camdash.cameras[1].id=c1", "camdash.cameras[1].fps=2",
				"camdash.cameras[1].width=320", "camdash.cameras[1].height=240", "camdash.cameras[2].id=c2",
				"camdash.cameras[2].fps=2", "camdash.cameras[2].width=320", "camdash.cameras[2].height=240",
				"camdash.cameras[3].id=c3", "camdash.cameras[3].fps=2", "camdash.cameras[3].width=320",
				"camdash.cameras[3].height=240", "camdash.cameras[4].id=c4", "camdash.cameras[4].fps=2",
				"camdash.cameras[4].width=320", "camdash.cameras[4].height=240", "camdash.cameras[5].id=c5",
				"camdash.cameras[5].fps=2", "camdash.cameras[5].width=320", "camdash.cameras[5].height=240",
				"camdash.cameras[6].id=c6", "camdash.cameras[6].fps=2", "camdash.cameras[6].width=320",
				"camdash.cameras[6].height=240", "camdash.cameras[7].id=c7", "camdash.cameras[7].fps=2",
				"camdash.cameras[7].width=320", "camdash.cameras[7].height=240", "camdash.cameras[8].id=c8",
				"camdash.cameras[8].fps=2", "camdash.cameras[8].width=320", "camdash.cameras[8].height=240" })
class DashboardBrowserTests extends SignedInBrowserTests {

	private static final String TILE_BOXES = "return Array.from(document.querySelectorAll('.camera-tile'))"
			+ ".map((t) => { const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })";

	private static final String COLUMNS = "return getComputedStyle(document.querySelector('.camera-grid'))"
			+ ".gridTemplateColumns.split(' ').length";

	@Test
	void nineCamerasFitOnA1366By768ScreenEachInItsCamerasShape() {
		browser.driver().manage().window().setSize(new Dimension(1366, 768));
		browser.driver().get(url("/"));
		browser.driver().executeScript("localStorage.removeItem('camdash.columns')");
		browser.driver().navigate().refresh();
		// Every tile's picture is known: the 16:9 camera's tile has taken its shape.
		browser.await((d) -> ratioOfFirstTile() == 178);
		long height = (Long) browser.driver().executeScript("return window.innerHeight");
		long width = (Long) browser.driver().executeScript("return document.documentElement.clientWidth");
		@SuppressWarnings("unchecked")
		List<List<Number>> tiles = (List<List<Number>>) browser.driver().executeScript(TILE_BOXES);
		assertThat(tiles).hasSize(9).allSatisfy((box) -> {
			assertThat(box.get(0).doubleValue()).isGreaterThanOrEqualTo(0);
			assertThat(box.get(2).doubleValue()).isLessThanOrEqualTo(width);
			assertThat(box.get(3).doubleValue()).as("the tile's bottom is on the screen").isLessThanOrEqualTo(height);
		});
		assertThat(ratioOfTile(1)).as("a 4:3 camera's tile is 4:3").isEqualTo(133);
		browser.screenshot("dashboard-nine-cameras");
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void theChosenNumberOfColumnsIsRememberedByThisBrowser() {
		browser.driver().manage().window().setSize(new Dimension(1366, 768));
		browser.driver().get(url("/"));
		for (int columns = 1; columns <= 6; columns++) {
			choose(String.valueOf(columns));
			int expected = columns;
			browser.await((d) -> ((Number) browser.driver().executeScript(COLUMNS)).intValue() == expected);
		}
		choose("2");
		browser.driver().navigate().refresh();
		browser.await((d) -> ((Number) browser.driver().executeScript(COLUMNS)).intValue() == 2);
		assertThat(browser.driver().findElement(By.cssSelector("[data-columns='2']")).getDomAttribute("aria-pressed"))
			.isEqualTo("true");
		choose("auto");
		assertThat(browser.driver().executeScript("return localStorage.getItem('camdash.columns')")).isNull();
		browser.await((d) -> ((Number) browser.driver().executeScript(COLUMNS)).intValue() > 2);
	}

	private static void choose(String columns) {
		browser.driver().findElement(By.cssSelector(".column-chooser [data-columns='" + columns + "']")).click();
	}

	private static long ratioOfFirstTile() {
		return ratioOfTile(0);
	}

	/** A tile's picture's width to height, times 100. */
	private static long ratioOfTile(int index) {
		return (Long) browser.driver()
			.executeScript("const r = document.querySelectorAll('.camera-tile .video-frame')[arguments[0]]"
					+ ".getBoundingClientRect(); return Math.round(100 * r.width / r.height);", index);
	}

}
