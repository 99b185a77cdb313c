package io.camdash;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import io.camdash.support.SignedInBrowserTests;
import io.camdash.support.TestFolders;
import io.camdash.support.TwoCamerasTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyboard shortcuts: F, P and the arrows on the live page, the arrows on a picture's
 * page and the gallery's pages, "?" for the list of a page's shortcuts; never while
 * typing into a field.
 */
@TwoCamerasTest
class KeyboardShortcutsBrowserTests extends SignedInBrowserTests {

	@Test
	void onTheLivePageFTogglesFullscreenPTakesAPhotoAndTheArrowsChangeCamera() {
		browser.driver().get(url("/cameras/cam"));
		press("f");
		browser.await((d) -> "live-view".equals(fullscreenElement()));
		press("f");
		browser.await((d) -> fullscreenElement() == null);

		press("p");
		WebElement card = browser.await((d) -> {
			WebElement current = d.findElement(By.cssSelector(".current-picture"));
			return current.isDisplayed() ? current : null;
		});
		assertThat(TestFolders.PICTURES.resolve(card.getDomAttribute("data-name"))).exists();

		press(Keys.ARROW_RIGHT);
		browser.await((d) -> d.getCurrentUrl().endsWith("/cameras/second"));
		press(Keys.ARROW_RIGHT);
		browser.await((d) -> d.getCurrentUrl().endsWith("/cameras/cam"));
		press(Keys.ARROW_LEFT);
		browser.await((d) -> d.getCurrentUrl().endsWith("/cameras/second"));
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void keysTypedIntoAFieldAreNeverShortcuts() {
		browser.driver().get(url("/cameras/cam"));
		WebElement field = (WebElement) browser.driver()
			.executeScript("const input = document.createElement('input'); input.id = 'typing';"
					+ " input.setAttribute('aria-label', 'Typing'); document.querySelector('main').append(input);"
					+ " return input;");
		field.sendKeys("fp?" + Keys.ARROW_RIGHT);
		assertThat(field.getDomProperty("value")).isEqualTo("fp?");
		assertThat(fullscreenElement()).isNull();
		assertThat(browser.driver().findElement(By.cssSelector(".current-picture")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElement(By.id("shortcuts-dialog")).isDisplayed()).isFalse();
		assertThat(browser.driver().getCurrentUrl()).endsWith("/cameras/cam");
	}

	@Test
	void questionMarkListsThisPagesShortcuts() {
		browser.driver().get(url("/cameras/cam"));
		press("?");
		WebElement dialog = browser.await((d) -> {
			WebElement shown = d.findElement(By.id("shortcuts-dialog"));
			return shown.isDisplayed() ? shown : null;
		});
		browser.await((d) -> dialog.findElement(By.cssSelector(".shortcuts-list")).getText().contains("Next camera"));
		String list = dialog.findElement(By.cssSelector(".shortcuts-list")).getText();
		assertThat(list).contains("F\nFullscreen", "P\nTake photo", "←\nPrevious camera", "→\nNext camera", "?");
		browser.screenshot("keyboard-shortcuts");
		press("p");
		assertThat(browser.driver().findElement(By.cssSelector(".current-picture")).isDisplayed())
			.as("no shortcut while a dialog is open")
			.isFalse();
		press(Keys.ESCAPE);
		browser.await((d) -> !dialog.isDisplayed());
	}

	@Test
	void onAPicturesPageTheArrowsGoToTheNewerAndOlderPicture() throws IOException {
		TestFolders.empty(TestFolders.PICTURES);
		for (String time : new String[] { "120000", "120001", "120002" }) {
			Path file = TestFolders.PICTURES.resolve("cam/2026-01-02/cam_20260102-" + time + "-000.jpg");
			Files.createDirectories(file.getParent());
			ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpg", file.toFile());
		}
		browser.driver().get(url("/pictures/view/cam/2026-01-02/cam_20260102-120001-000.jpg"));
		press(Keys.ARROW_RIGHT);
		browser.await((d) -> d.getCurrentUrl().contains("cam_20260102-120000-000.jpg"));
		press(Keys.ARROW_LEFT);
		browser.await((d) -> d.getCurrentUrl().contains("cam_20260102-120001-000.jpg"));
		press(Keys.ARROW_LEFT);
		browser.await((d) -> d.getCurrentUrl().contains("cam_20260102-120002-000.jpg"));
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void inTheGalleryTheArrowsTurnThePagesAndTheDialogListsThem() throws IOException {
		TestFolders.empty(TestFolders.PICTURES);
		for (int second = 0; second < 49; second++) {
			Path file = TestFolders.PICTURES
				.resolve("cam/2026-01-02/cam_20260102-1200" + String.format("%02d", second) + "-000.jpg");
			Files.createDirectories(file.getParent());
			ImageIO.write(new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB), "jpg", file.toFile());
		}
		browser.driver().get(url("/pictures"));
		press(Keys.ARROW_RIGHT);
		browser.await((d) -> d.getCurrentUrl().contains("page=2"));
		assertThat(browser.driver().findElements(By.cssSelector("[data-name]"))).hasSize(1);
		press(Keys.ARROW_RIGHT);
		press("?");
		assertThat(shortcutsListed()).contains("←\nNewer pictures (previous page)").doesNotContain("Older pictures");
		browser.screenshot("keyboard-shortcuts-gallery");
		press(Keys.ESCAPE);
		browser.await((d) -> !d.findElement(By.id("shortcuts-dialog")).isDisplayed());
		press(Keys.ARROW_LEFT);
		browser.await((d) -> d.getCurrentUrl().contains("page=1"));
		browser.driver().get(url("/pictures/view/cam/2026-01-02/cam_20260102-120010-000.jpg"));
		press("?");
		assertThat(shortcutsListed()).contains("←\nPrevious (newer) picture", "→\nNext (older) picture");
		assertThat(browser.consoleProblems()).isEmpty();
	}

	private static String shortcutsListed() {
		WebElement dialog = browser.await((d) -> {
			WebElement shown = d.findElement(By.id("shortcuts-dialog"));
			return shown.isDisplayed() ? shown : null;
		});
		browser.await((d) -> !dialog.findElement(By.cssSelector(".shortcuts-list")).getText().isEmpty());
		return dialog.findElement(By.cssSelector(".shortcuts-list")).getText();
	}

	private static void press(CharSequence key) {
		new Actions(browser.driver()).sendKeys(key).perform();
	}

	private static String fullscreenElement() {
		return (String) browser.driver()
			.executeScript("return document.fullscreenElement && document.fullscreenElement.id");
	}

}
