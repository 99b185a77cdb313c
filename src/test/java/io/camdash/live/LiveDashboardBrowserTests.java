package io.camdash.live;

import java.time.Duration;
import java.util.List;

import io.camdash.support.SignedInBrowserTests;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twelve cameras on one dashboard: more streams than a browser opens HTTP connections to
 * one host, so only WebSockets can carry them all.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camdash.cameras[0].id=c0",
		"camdash.cameras[0].fps=5", "camdash.cameras[1].id=c1", "camdash.cameras[1].fps=5", "camdash.cameras[2].id=c2",
		"camdash.cameras[2].fps=5", "camdash.cameras[3].id=c3", "camdash.cameras[3].fps=5", "camdash.cameras[4].id=c4",
		"camdash.cameras[4].fps=5", "camdash.cameras[5].id=c5", "camdash.cameras[5].fps=5", "camdash.cameras[6].id=c6",
		"camdash.cameras[6].fps=5", "camdash.cameras[7].id=c7", "camdash.cameras[7].fps=5", "camdash.cameras[8].id=c8",
		"camdash.cameras[8].fps=5", "camdash.cameras[9].id=c9", "camdash.cameras[9].fps=5",
		"camdash.cameras[10].id=c10", "camdash.cameras[10].fps=5", "camdash.cameras[11].id=c11",
		"camdash.cameras[11].fps=5", "camdash.cameras[0].width=640", "camdash.cameras[0].height=360" })
class LiveDashboardBrowserTests extends SignedInBrowserTests {

	private static final String PLAYING_TILES = "return Array.from(document.querySelectorAll('.camera-tile video'))"
			+ ".filter((v) => !v.hidden && v.readyState >= 2 && v.videoWidth > 0 && v.currentTime > 0.5).length";

	@Test
	void everyTileOfTwelvePlays() {
		// Tall enough that every tile is on screen (tiles off screen hold no stream).
		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 3000));
		browser.driver().get(url("/"));
		awaitTwelvePlaying();
		assertThat(wideTileShape()).as("a 16:9 camera's tile is 16:9").isEqualTo(List.of(16L, 9L));
		assertThat(browser.consoleProblems()).isEmpty();
	}

	private void awaitTwelvePlaying() {
		// Twelve cameras start at once on a small machine: allow them more than the
		// usual 10 s.
		new WebDriverWait(browser.driver(), Duration.ofSeconds(40))
			.until((d) -> ((Number) browser.driver().executeScript(PLAYING_TILES)).intValue() == 12);
	}

	@SuppressWarnings("unchecked")
	private List<Long> wideTileShape() {
		return (List<Long>) browser.driver()
			.executeScript("const r = document.querySelector('.camera-tile .video-frame').getBoundingClientRect();"
					+ " return [16, Math.round(16 * r.height / r.width)];");
	}

}
