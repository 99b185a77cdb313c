package io.camdash.settings.cameras;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camdash.support.SignedInBrowserTests;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A camera added in the browser streams on the dashboard without a restart; changed, it
 * plays its new size on the same page; removed, it leaves the list.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camdash.cameras[0].id=door",
		"camdash.cameras[0].fps=2", "camdash.security.data-folder=target/camdash-settings-cameras-browser-data" })
class CamerasSettingsBrowserTests extends SignedInBrowserTests {

	private static final String GARDEN_VIDEO = ".camera-tile[data-status-url='/cameras/garden/status'] video";

	@Test
	void aCameraAddedInTheBrowserStreamsOnTheDashboardAndFollowsItsChangesWithoutAReload() {
		browser.driver().get(url("/settings/cameras"));
		browser.driver().findElement(By.cssSelector("a.add-camera")).click();
		browser.driver().findElement(By.id("id")).sendKeys("garden");
		browser.driver().findElement(By.id("name")).sendKeys("Garden");
		new Select(browser.driver().findElement(By.id("kind"))).selectByValue("TEST_PATTERN");
		browser.driver().findElement(By.id("width")).sendKeys("320");
		browser.driver().findElement(By.id("height")).sendKeys("240");
		browser.driver().findElement(By.id("fps")).sendKeys("10");
		click("button.test-camera");
		// The test shows one frame of the source, and saves nothing.
		long trialWidth = browser.await((d) -> (Long) browser.driver()
			.executeScript("const i = document.querySelector('.trial-frame');"
					+ " return i && i.complete && i.naturalWidth > 0 ? i.naturalWidth : null"));
		assertThat(trialWidth).isEqualTo(320);
		assertThat(browser.driver().findElement(By.id("fps")).getAttribute("value")).isEqualTo("10");
		click("button.save-camera");
		browser.await((d) -> d.getCurrentUrl().endsWith("/settings/cameras"));
		assertThat(browser.driver().findElement(By.cssSelector(".flash-message")).getText())
			.contains("Added camera garden");

		browser.driver().get(url("/"));
		assertThat(browser.awaitPlaying(GARDEN_VIDEO)).isEqualTo(320);
		browser.driver().executeScript("window.sameDashboard = true");

		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		admin.refreshCsrfToken("/settings/cameras");
		assertThat(admin.post("/settings/cameras/garden/edit", garden("160", "120", "5")).statusCode()).isEqualTo(302);
		browser.await((d) -> ((Number) browser.driver()
			.executeScript("return document.querySelector(arguments[0]).videoWidth", GARDEN_VIDEO)).intValue() == 160);
		assertThat(browser.driver().executeScript("return window.sameDashboard === true")).isEqualTo(true);

		// Away from the dashboard first: a status poll of the removed camera would be a
		// 404 in the console, which is right but not what this test watches for.
		browser.driver().get(url("/settings/cameras"));
		assertThat(admin.post("/settings/cameras/garden/delete", Map.of()).statusCode()).isEqualTo(302);
		browser.driver().navigate().refresh();
		assertThat(browser.driver().findElements(By.cssSelector("tr.camera[data-camera=garden]"))).isEmpty();
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void aTestOfASourceThatCannotBeOpenedSaysWhyInCamdashsWords() {
		browser.driver().get(url("/settings/cameras/new"));
		browser.driver().findElement(By.id("id")).sendKeys("gate");
		new Select(browser.driver().findElement(By.id("kind"))).selectByValue("NETWORK");
		browser.driver().findElement(By.id("location")).sendKeys("rtsp://127.0.0.1:9/stream");
		click("button.test-camera");
		String problem = browser.await((d) -> d.findElements(By.cssSelector(".trial-problem"))
			.stream()
			.map((element) -> element.getText())
			.findFirst()
			.orElse(null));
		assertThat(problem).startsWith("No frame: ").contains("connection refused");
		assertThat(browser.driver().findElements(By.cssSelector(".trial-frame"))).isEmpty();
	}

	/**
	 * Clicks a submit button through the page (its name and value go with the form): an
	 * element fixed at the window's bottom may cover it, depending on the window's size.
	 */
	private static void click(String selector) {
		WebElement button = browser.driver().findElement(By.cssSelector(selector));
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", button);
	}

	private static Map<String, String> garden(String width, String height, String fps) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("id", "garden");
		form.put("name", "Garden");
		form.put("kind", "TEST_PATTERN");
		form.put("location", "");
		form.put("width", width);
		form.put("height", height);
		form.put("fps", fps);
		form.put("overlay", "true");
		return form;
	}

}
