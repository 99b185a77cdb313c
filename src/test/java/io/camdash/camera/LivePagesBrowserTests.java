package io.camdash.camera;

import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.camdash.support.Browser;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LivePagesBrowserTests {

	private static Browser browser;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void openBrowser() {
		browser = Browser.open();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void dashboardShowsMovingVideo() {
		browser.driver().get("http://localhost:" + this.port + "/");
		WebElement video = browser.await((d) -> {
			WebElement img = d.findElement(By.cssSelector(".camera-tile img.live-image"));
			Object width = browser.driver().executeScript("return arguments[0].naturalWidth", img);
			return (width instanceof Number n && n.intValue() > 0) ? img : null;
		});
		byte[] first = browser.elementScreenshot(video);
		browser.await((d) -> !Arrays.equals(first, browser.elementScreenshot(video)));
		browser.await((d) -> d.findElement(By.cssSelector(".camera-tile .camera-state")).getText().equals("LIVE"));
		browser.screenshot("dashboard");
		assertThat(browser.consoleProblems()).isEmpty();
	}

}
