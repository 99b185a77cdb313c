package io.camdash.camera;

import java.util.Arrays;

import io.camdash.support.Browser;
import io.camdash.support.SignedInBrowserTests;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LivePagesBrowserTests extends SignedInBrowserTests {

	@Test
	void aLivePageShowsTheMjpegStreamWhenAskedAndItsLiveStatus() {
		browser.driver().get(url("/cameras/cam?view=mjpeg"));
		browser.await((d) -> isShowingAnImage(browser, d.findElement(By.id("live-image"))));
		browser.await((d) -> d.findElement(By.cssSelector("[data-field=state]")).getText().equals("LIVE"));
		browser.await((d) -> d.findElement(By.cssSelector("[data-field=fps]")).getText().matches("[1-9][0-9.]* fps"));
		assertThat(browser.driver().findElement(By.cssSelector("[data-field=resolution]")).getText())
			.isEqualTo("640 × 480");
		assertThat(browser.driver().findElement(By.cssSelector("[data-fullscreen-target]")).isDisplayed()).isTrue();
		assertThat(browser.driver().findElement(By.cssSelector("[data-live-mode-label]")).getText()).isEqualTo("MJPEG");
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void reducedFramesFillTheSameBoxAndTheStatusCountsThem() {
		browser.driver().get(url("/cameras/cam?view=mjpeg"));
		WebElement image = browser.await((d) -> {
			WebElement img = d.findElement(By.id("live-image"));
			return isShowingAnImage(browser, img) ? img : null;
		});
		int fullWidth = image.getSize().getWidth();
		// What a viewer on a slow link gets; here asked for, so it does not depend on the
		// machine's speed.
		browser.driver().executeScript("arguments[0].src = arguments[0].src + '?size=reduced'", image);
		browser.await((d) -> naturalWidth(browser, image) == 320);
		assertThat(image.getSize().getWidth()).as("shown as large as full frames").isEqualTo(fullWidth);
		browser.await((d) -> d.findElement(By.cssSelector("[data-field=viewers]"))
			.getText()
			.matches("\\d+ \\(1 on reduced frames\\)"));
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void theLivePageFitsAPhone() {
		try (Browser phone = Browser.openPhone()) {
			phone.login(url(""), TestUsers.ADMIN);
			phone.driver().get(url("/cameras/cam?view=mjpeg"));
			WebElement image = phone.await((d) -> {
				WebElement img = d.findElement(By.id("live-image"));
				return isShowingAnImage(phone, img) ? img : null;
			});
			long pageWidth = (Long) phone.driver().executeScript("return document.documentElement.scrollWidth");
			assertThat(pageWidth).as("no sideways scrolling").isLessThanOrEqualTo(390);
			assertThat(image.getSize().getWidth()).isBetween(300, 390);
			phone.screenshot("camera-live-phone");
		}
	}

	@Test
	void unknownPagesShowAFriendlyError() {
		browser.driver().get(url("/cameras/nope"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("404");
		assertThat(browser.driver().getPageSource()).contains("No camera").doesNotContain("Exception");
		browser.screenshot("error");
		assertThat(browser.consoleProblems()).singleElement().asString().contains("404");
	}

	private static boolean isShowingAnImage(Browser in, WebElement img) {
		return naturalWidth(in, img) > 0;
	}

	private static int naturalWidth(Browser in, WebElement img) {
		Object width = in.driver().executeScript("return arguments[0].complete && arguments[0].naturalWidth", img);
		return (width instanceof Number n) ? n.intValue() : 0;
	}

	@Test
	void dashboardShowsMovingVideo() {
		browser.driver().get(url("/"));
		browser.awaitPlaying(".camera-tile video");
		WebElement video = browser.driver().findElement(By.cssSelector(".camera-tile video"));
		byte[] first = browser.elementScreenshot(video);
		browser.await((d) -> !Arrays.equals(first, browser.elementScreenshot(video)));
		browser.await((d) -> d.findElement(By.cssSelector(".camera-tile .camera-state")).getText().equals("LIVE"));
		browser.screenshot("dashboard");
		assertThat(browser.consoleProblems()).isEmpty();
	}

}
