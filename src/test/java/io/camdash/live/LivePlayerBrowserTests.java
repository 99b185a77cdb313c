package io.camdash.live;

import java.util.Map;

import io.camdash.support.Browser;
import io.camdash.support.SignedInBrowserTests;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camdash.cameras[0].id=cam",
		"camdash.cameras[1].id=wide", "camdash.cameras[1].width=1280", "camdash.cameras[1].height=720" })
class LivePlayerBrowserTests extends SignedInBrowserTests {

	@Test
	void theLivePagePlaysH264ByDefaultAndSaysSo() {
		browser.driver().get(url("/cameras/cam"));
		assertThat(browser.awaitPlaying("#live-video")).as("the camera's width").isEqualTo(640);
		browser.await((d) -> d.findElement(By.cssSelector("[data-live-mode-label]"))
			.getText()
			.matches("H\\.264 over WebSocket · avc1\\.42[0-9A-F]{4}"));
		browser.await((d) -> d.findElement(By.cssSelector("[data-field=h264]"))
			.getText()
			.matches("1 viewer · encoded · [0-9.]+ Mbit/s"));
		assertThat(browser.driver().findElement(By.id("live-image")).isDisplayed()).isFalse();
		browser.screenshot("camera-live");
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void aWideCameraFillsItsBoxAtItsOwnWidth() {
		browser.driver().get(url("/cameras/wide"));
		assertThat(browser.awaitPlaying("#live-video")).isEqualTo(1280);
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void theUserSwitchesToMjpegAndBack() {
		browser.driver().get(url("/cameras/cam"));
		browser.awaitPlaying("#live-video");
		browser.driver().findElement(By.cssSelector("[data-live-mode=mjpeg]")).click();
		browser.await((d) -> showsAnImage(browser));
		assertThat(browser.driver().findElement(By.cssSelector("[data-live-mode-label]")).getText()).isEqualTo("MJPEG");
		browser.driver().navigate().refresh();
		browser.await((d) -> showsAnImage(browser));
		assertThat(browser.driver().findElement(By.id("live-video")).isDisplayed()).as("the choice is kept").isFalse();
		browser.driver().findElement(By.cssSelector("[data-live-mode=h264]")).click();
		browser.awaitPlaying("#live-video");
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void aBrowserWithoutMediaSourceGetsMjpeg() {
		try (Browser old = Browser.open()) {
			old.driver()
				.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
						Map.of("source", "delete window.MediaSource; delete window.ManagedMediaSource;"));
			old.login(url(""), TestUsers.VIEWER);
			old.driver().get(url("/cameras/cam"));
			old.await((d) -> showsAnImage(old));
			assertThat(old.driver().findElement(By.cssSelector("[data-live-mode-label]")).getText())
				.isEqualTo("MJPEG (this browser cannot play H.264 live)");
			assertThat(old.driver().findElement(By.cssSelector("[data-live-mode=h264]")).isEnabled()).isFalse();
			assertThat(old.consoleProblems()).isEmpty();
		}
	}

	private static boolean showsAnImage(Browser in) {
		Object width = in.driver()
			.executeScript("const i = document.getElementById('live-image');"
					+ " return !i.hidden && i.complete && i.naturalWidth");
		return width instanceof Number n && n.intValue() == 640;
	}

}
