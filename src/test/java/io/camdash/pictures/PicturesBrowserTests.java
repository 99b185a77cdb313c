package io.camdash.pictures;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.camdash.support.SignedInBrowserTests;
import io.camdash.support.TestFolders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PicturesBrowserTests extends SignedInBrowserTests {

	@BeforeAll
	static void noPictures() {
		// The gallery's screenshots show only what these tests take.
		TestFolders.empty(TestFolders.PICTURES);
	}

	@Test
	void takeAPhotoFindItInTheGalleryAndDeleteIt() {
		WebDriver driver = browser.driver();
		driver.get(url("/cameras/cam"));
		browser.awaitPlaying("#live-video");
		driver.findElement(By.cssSelector(".take-photo-button")).click();
		WebElement card = browser.await((d) -> {
			WebElement current = d.findElement(By.cssSelector(".current-picture"));
			return current.isDisplayed() ? current : null;
		});
		awaitLoaded(By.cssSelector(".current-picture-image"));
		String name = card.getDomAttribute("data-name");
		assertThat(name).startsWith("cam/");
		assertThat(TestFolders.PICTURES.resolve(name)).exists();
		// Still on the live page, and the video still plays.
		assertThat(driver.getCurrentUrl()).endsWith("/cameras/cam");
		browser.awaitPlaying("#live-video");
		browser.screenshot("camera-live-take-photo");

		card.findElement(By.cssSelector(".current-picture-gallery")).click();
		By galleryItem = By.cssSelector(".gallery-item[data-name='" + name + "']");
		WebElement item = browser.await((d) -> d.findElement(galleryItem));
		awaitLoaded(By.cssSelector(".gallery-item[data-name='" + name + "'] img.thumbnail"));
		browser.screenshot("pictures-gallery");

		item.findElement(By.cssSelector(".thumbnail-link")).click();
		browser.await((d) -> name.equals(d.findElement(By.cssSelector(".picture-page")).getDomAttribute("data-name")));
		awaitLoaded(By.cssSelector("img.picture-image"));
		assertThat(driver.findElement(By.cssSelector("[data-field='dimensions']")).getText()).isEqualTo("640 × 480");
		assertThat(driver.findElement(By.cssSelector(".download-picture")).getDomAttribute("href"))
			.isEqualTo("/pictures/download/" + name);
		// Copy as markdown: the embed a note reads back as this picture.
		assertThat(driver.findElement(By.cssSelector(".picture-markdown")).getDomProperty("value"))
			.matches("!\\[cam \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\]\\(picture:" + java.util.regex.Pattern.quote(name)
					+ "\\)");
		driver.findElement(By.cssSelector(".copy-markdown-button")).click();
		browser.await((d) -> d.findElement(By.cssSelector(".copy-markdown-status")).getText().startsWith("Copied"));
		browser.screenshot("pictures-picture");

		driver.findElement(By.cssSelector(".delete-picture button")).click();
		WebElement ok = browser.await((d) -> {
			WebElement button = d.findElement(By.cssSelector("#confirm-dialog .confirm-dialog-ok"));
			return button.isDisplayed() ? button : null;
		});
		assertThat(driver.findElement(By.cssSelector(".confirm-dialog-text")).getText()).contains("Delete ");
		assertThat(TestFolders.PICTURES.resolve(name)).as("nothing deleted before confirming").exists();
		browser.screenshot("pictures-delete-confirm");
		ok.click();
		browser.await((d) -> d.findElement(By.cssSelector(".flash-message")).getText().contains("Deleted"));
		assertThat(driver.findElements(By.cssSelector(".gallery-item[data-name='" + name + "']"))).isEmpty();
		assertThat(TestFolders.PICTURES.resolve(name)).doesNotExist();
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void withoutScriptTheFormLandsOnTheCurrentPictureAndTakeAnotherWorks() {
		WebDriver driver = browser.driver();
		driver.get(url("/cameras/cam"));
		browser.awaitPlaying("#live-video");
		// form.submit() skips the page's script, as a browser without JavaScript would.
		browser.driver().executeScript("document.querySelector('form.take-photo').submit()");
		WebElement banner = browser.await((d) -> d.findElement(By.cssSelector(".picture-taken")));
		String first = driver.findElement(By.cssSelector(".picture-page")).getDomAttribute("data-name");
		awaitLoaded(By.cssSelector("img.picture-image"));
		browser.screenshot("pictures-current-picture");
		banner.findElement(By.cssSelector(".take-another")).click();
		browser.await((d) -> d.getCurrentUrl().contains("/pictures/view/cam/") && !d.getCurrentUrl().endsWith(first));
		browser.await((d) -> d.findElement(By.cssSelector(".picture-taken")));
		assertThat(TestFolders.PICTURES.resolve(first)).exists();
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void selectTwoAndDeleteThemThenDownloadTwoAsAZip() throws IOException {
		List<String> names = List.of(take(), take(), take(), take());
		WebDriver driver = browser.driver();
		driver.get(url("/pictures?camera=cam"));
		for (String name : names) {
			awaitLoaded(By.cssSelector(".gallery-item[data-name='" + name + "'] img.thumbnail"));
		}
		assertThat(driver.findElement(By.cssSelector(".delete-selected")).isEnabled()).isFalse();
		check(names.get(0));
		check(names.get(1));
		assertThat(driver.findElement(By.cssSelector(".selection-count")).getText()).isEqualTo("2 selected");
		browser.screenshot("pictures-gallery-selection");
		driver.findElement(By.cssSelector(".delete-selected")).click();
		WebElement ok = browser.await((d) -> {
			WebElement button = d.findElement(By.cssSelector("#confirm-dialog .confirm-dialog-ok"));
			return button.isDisplayed() ? button : null;
		});
		ok.click();
		browser.await((d) -> d.findElement(By.cssSelector(".flash-message")).getText().contains("Deleted 2 pictures."));
		assertThat(driver.findElements(By.cssSelector(".gallery-item[data-name='" + names.get(0) + "']"))).isEmpty();
		assertThat(driver.findElements(By.cssSelector(".gallery-item[data-name='" + names.get(1) + "']"))).isEmpty();
		assertThat(TestFolders.PICTURES.resolve(names.get(2))).exists();

		// Select all on the page, then the two left: the zip the form would post holds
		// both.
		driver.findElement(By.id("select-all")).click();
		List<WebElement> checked = driver.findElements(By.cssSelector("input.picture-select:checked"));
		assertThat(checked).hasSizeGreaterThanOrEqualTo(2);
		assertThat(driver.findElement(By.cssSelector(".download-selected")).isEnabled()).isTrue();
		WebElement form = driver.findElement(By.id("selection"));
		String zipAction = driver.findElement(By.cssSelector(".download-selected")).getDomProperty("formAction");
		assertThat(zipAction).endsWith("/pictures/selection/zip");
		assertThat(form.getDomAttribute("method")).isEqualTo("post");
		List<Map.Entry<String, String>> formData = List.of(Map.entry("name", names.get(2)),
				Map.entry("name", names.get(3)));
		HttpResponse<byte[]> zip = new PicturesHttp(this.port).postForm("/pictures/selection/zip", formData);
		assertThat(zip.statusCode()).isEqualTo(200);
		Map<String, byte[]> entries = PicturesIntegrationTests.unzip(zip.body());
		assertThat(entries).containsOnlyKeys(names.get(2), names.get(3));
		assertThat(entries.values()).allMatch(TestImages::isJpeg);
		assertThat(browser.consoleProblems()).isEmpty();
	}

	private void check(String name) {
		browser.driver()
			.findElement(By.cssSelector(".gallery-item[data-name='" + name + "'] input.picture-select"))
			.click();
	}

	private String take() throws IOException {
		HttpResponse<byte[]> response = new PicturesHttp(this.port).post("/cameras/cam/snapshots", "application/json",
				List.of());
		assertThat(response.statusCode()).isEqualTo(201);
		return JsonMapper.builder().build().readTree(response.body()).get("name").asString();
	}

	private void awaitLoaded(By image) {
		browser.await((d) -> {
			Object width = browser.driver().executeScript("return arguments[0].naturalWidth", d.findElement(image));
			return width instanceof Number n && n.intValue() > 0;
		});
	}

}
