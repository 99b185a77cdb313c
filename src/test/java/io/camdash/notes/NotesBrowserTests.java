package io.camdash.notes;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import io.camdash.support.Browser;
import io.camdash.support.SignedInBrowserTests;
import io.camdash.support.TestFolders;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NotesBrowserTests extends SignedInBrowserTests {

	@BeforeAll
	static void starterNotes() {
		// The shipped starter notes, copied so that the test never writes into the
		// repository.
		TestFolders.starterNotes();
	}

	@Test
	void createEditPreviewSaveViewSearchRenameAndDeleteANote() throws IOException {
		WebDriver driver = browser.driver();
		driver.get(url("/notes"));
		browser.await((d) -> d.findElements(By.cssSelector(".note-row")).size() >= 4);
		browser.screenshot("notes-list");

		// Create, with a live preview.
		click(By.id("new-note"));
		browser.await((d) -> d.findElement(By.id("note-title")).isDisplayed());
		driver.findElement(By.id("note-title")).sendKeys("Garage camera");
		driver.findElement(By.id("note-folder")).sendKeys("cams");
		driver.findElement(By.id("note-content")).sendKeys("Checked the lens: **clean**.\n\n- [x] lens\n- [ ] cable\n");
		browser.await((d) -> !d.findElements(By.cssSelector("#note-preview strong")).isEmpty()
				&& d.findElement(By.cssSelector("#note-preview strong")).getText().equals("clean"));
		assertThat(driver.findElements(By.cssSelector("#note-preview input[type=checkbox]"))).hasSize(2);
		browser.screenshot("notes-new");
		click(By.id("save-note"));
		browser.await((d) -> d.getCurrentUrl().endsWith("/notes/cams/garage-camera.md"));
		assertThat(text(".note-body h1")).isEqualTo("Garage camera");
		assertThat(text(".flash-message")).contains("Created");
		assertThat(TestFolders.NOTES.resolve("cams/garage-camera.md")).exists();

		// Edit: the preview follows the text; save and view.
		click(By.id("edit-note"));
		WebElement source = browser.await((d) -> d.findElement(By.id("note-content")));
		source.sendKeys("\n## Night\n\nThe infrared ~~fails~~ works.\n");
		browser.await((d) -> !d.findElements(By.cssSelector("#note-preview del")).isEmpty());
		browser.screenshot("notes-edit");
		click(By.id("save-note"));
		browser.await((d) -> d.getCurrentUrl().endsWith("/notes/cams/garage-camera.md"));
		assertThat(text(".note-body del")).isEqualTo("fails");
		assertThat(text(".flash-message")).isEqualTo("Saved.");
		browser.screenshot("notes-view");

		// Search, from the list.
		driver.get(url("/notes"));
		WebElement query = driver.findElement(By.id("notes-q"));
		query.sendKeys("infrared");
		query.submit();
		browser.await((d) -> d.getCurrentUrl().contains("/notes/search"));
		assertThat(driver.findElements(By.cssSelector(".search-hit")).get(0).getAttribute("href"))
			.endsWith("/notes/cams/garage-camera.md");
		assertThat(text(".search-hit .hit-snippet mark")).isEqualToIgnoringCase("infrared");
		browser.screenshot("notes-search");
		driver.findElements(By.cssSelector(".search-hit")).get(0).click();
		browser.await((d) -> d.getCurrentUrl().endsWith("/notes/cams/garage-camera.md"));

		// Rename and move.
		click(By.id("rename-toggle"));
		WebElement name = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("rename-name")));
		WebElement moveTo = driver.findElement(By.id("rename-folder"));
		moveTo.clear();
		moveTo.sendKeys("garage");
		name.clear();
		name.sendKeys("camera");
		click(By.id("rename-submit"));
		browser.await((d) -> d.getCurrentUrl().endsWith("/notes/garage/camera.md"));
		assertThat(TestFolders.NOTES.resolve("garage/camera.md")).exists();
		assertThat(TestFolders.NOTES.resolve("cams/garage-camera.md")).doesNotExist();

		// Delete, after confirming.
		click(By.id("delete-note"));
		// The same styled dialog as every delete, not the browser's own.
		WebElement ok = browser.await((d) -> {
			WebElement button = d.findElement(By.cssSelector("#confirm-dialog .confirm-dialog-ok"));
			return button.isDisplayed() ? button : null;
		});
		assertThat(text(".confirm-dialog-text")).contains("Delete this note?");
		ok.click();
		browser.await((d) -> d.getCurrentUrl().endsWith("/notes"));
		assertThat(text(".flash-message")).contains("Deleted");
		assertThat(driver.findElements(By.cssSelector("a[href='/notes/garage/camera.md']"))).isEmpty();
		assertThat(TestFolders.NOTES.resolve("garage/camera.md")).doesNotExist();
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void thePicturePickerEmbedsAPictureWhateverItsNameInANoteWhateverItsFolder() throws IOException {
		// Cyrillic rather than CJK: the test machine's Chromium has no CJK font for the
		// screenshot (the HTTP tests cover CJK names).
		Path picture = TestFolders.PICTURES.resolve("Garten S\u00fcd/\u0420\u043e\u0437\u044b 1.jpg");
		Files.createDirectories(picture.getParent());
		BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, new Color(0x2e7d32), 160, 120, new Color(0xc2185b)));
		graphics.fillRect(0, 0, 160, 120);
		graphics.dispose();
		ImageIO.write(image, "jpg", picture.toFile());
		WebDriver driver = browser.driver();
		driver.get(url("/notes/new"));
		driver.findElement(By.id("note-title")).sendKeys("Garten S\u00fcd \u0420\u043e\u0437\u044b");
		driver.findElement(By.id("note-folder")).sendKeys("G\u00e4rten/Beete");
		WebElement source = driver.findElement(By.id("note-content"));
		source.sendKeys("Roses by the fence.\n");
		assertThat(driver.findElement(By.id("show-write")).isDisplayed()).as("a wide screen shows both panes")
			.isFalse();
		assertThat(driver.findElement(By.id("note-preview")).isDisplayed()).isTrue();

		click(By.id("insert-picture"));
		WebElement choice = browser.await((d) -> d.findElements(By.cssSelector("#picture-picker .picker-choice"))
			.stream()
			.filter((button) -> button.isDisplayed() && button.getAttribute("title").startsWith("Garten S"))
			.findFirst()
			.orElse(null));
		browser.await((d) -> imageLoaded("#picture-picker .picker-thumbnail"));
		browser.screenshot("notes-picture-picker");
		choice.click();
		browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("picture-picker")));
		String embed = "](picture:Garten%20S%C3%BCd/%D0%A0%D0%BE%D0%B7%D1%8B%201.jpg)";
		assertThat(source.getDomProperty("value")).startsWith("Roses by the fence.\n![").contains(embed);
		browser.await((d) -> imageLoaded("#note-preview img"));

		click(By.id("save-note"));
		Path note = TestFolders.NOTES.resolve("G\u00e4rten/Beete/garten-sud-\u0440\u043e\u0437\u044b.md");
		browser.await(
				(d) -> d.getCurrentUrl().endsWith("/notes/G%C3%A4rten/Beete/garten-sud-%D1%80%D0%BE%D0%B7%D1%8B.md"));
		assertThat(note).content().contains(embed);
		browser.await((d) -> imageLoaded(".note-body img"));
		assertThat(driver.findElement(By.cssSelector(".breadcrumb")).getText()).contains("G\u00e4rten", "Beete");
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void onAPhoneTheEditorShowsWriteOrPreviewOneAtATime() {
		try (Browser phone = Browser.openPhone()) {
			phone.login(url(""), TestUsers.ADMIN);
			phone.driver().get(url("/notes/new"));
			WebElement source = phone.await((d) -> d.findElement(By.id("note-content")));
			WebElement preview = phone.driver().findElement(By.id("note-preview"));
			WebElement write = phone.driver().findElement(By.id("show-write"));
			WebElement show = phone.driver().findElement(By.id("show-preview"));
			assertThat(write.getDomAttribute("aria-pressed")).isEqualTo("true");
			assertThat(source.isDisplayed()).isTrue();
			assertThat(preview.isDisplayed()).as("one pane at a time").isFalse();
			source.sendKeys("Tested on a **phone**.\n");
			phone.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", show);
			show.click();
			phone.await((d) -> preview.isDisplayed() && !source.isDisplayed());
			phone.await((d) -> preview.findElements(By.tagName("strong"))
				.stream()
				.anyMatch((strong) -> strong.getText().equals("phone")));
			assertThat(show.getDomAttribute("aria-pressed")).isEqualTo("true");
			assertThat(write.getDomAttribute("aria-pressed")).isEqualTo("false");
			phone.driver().executeScript("window.scrollTo(0, 0)");
			phone.screenshot("notes-edit-phone");
			phone.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", write);
			write.click();
			phone.await((d) -> source.isDisplayed() && !preview.isDisplayed());
			assertThat(source.getDomProperty("value")).isEqualTo("Tested on a **phone**.\n");
			assertThat(phone.consoleProblems()).isEmpty();
		}
	}

	private static boolean imageLoaded(String css) {
		return Boolean.TRUE.equals(browser.driver()
			.executeScript("const i = document.querySelector(arguments[0]);"
					+ " return !!i && i.complete && i.naturalWidth > 0", css));
	}

	@Test
	void aSaveOverAChangeMadeMeanwhileShowsBothVersionsToMerge() throws IOException {
		Path file = TestFolders.NOTES.resolve("shared.md");
		Files.writeString(file, "# Shared\n\nFirst line.\n");
		WebDriver driver = browser.driver();
		driver.get(url("/notes/shared.md?edit"));
		WebElement source = browser.await((d) -> d.findElement(By.id("note-content")));
		source.sendKeys("Mine: the door sticks.\n");
		Files.writeString(file, "# Shared\n\nFirst line.\nTheirs: the gate squeaks.\n");
		click(By.id("save-note"));
		browser.await((d) -> !d.findElements(By.id("disk-content")).isEmpty());
		assertThat(text(".flash-error")).contains("changed on disk");
		assertThat(driver.findElement(By.id("note-content")).getAttribute("value")).contains("Mine: the door sticks.");
		assertThat(driver.findElement(By.id("disk-content")).getAttribute("value"))
			.contains("Theirs: the gate squeaks.");
		assertThat(Files.readString(file)).doesNotContain("Mine");
		browser.screenshot("notes-conflict");

		// Merge: take the disk version, add my line again, save.
		click(By.id("take-disk-version"));
		WebElement merged = driver.findElement(By.id("note-content"));
		browser.await((d) -> merged.getAttribute("value").contains("Theirs"));
		merged.sendKeys("Mine: the door sticks.\n");
		click(By.id("save-note"));
		browser.await((d) -> d.getCurrentUrl().endsWith("/notes/shared.md"));
		assertThat(Files.readString(file)).contains("Theirs: the gate squeaks.").contains("Mine: the door sticks.");
		// The refused save answered 409, which the browser logs; nothing else may show
		// up.
		assertThat(browser.consoleProblems()).allSatisfy((problem) -> assertThat(problem).contains("409"));
	}

	@Test
	void starterNoteShowsItsTableOfContents() {
		browser.driver().get(url("/notes/guides/markdown-cheat-sheet.md"));
		browser.await((d) -> !d.findElements(By.cssSelector(".note-toc a")).isEmpty());
		browser.driver().findElements(By.cssSelector(".note-toc a")).get(2).click();
		browser.await((d) -> d.getCurrentUrl().contains("#"));
		browser.screenshot("notes-note-toc");
		assertThat(browser.consoleProblems()).isEmpty();
	}

	/**
	 * Clicks an element scrolled to the middle of the window, clear of the sticky
	 * navigation bar.
	 */
	private static void click(By locator) {
		WebElement element = browser.await(ExpectedConditions.elementToBeClickable(locator));
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		browser.await(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	private String text(String css) {
		return browser.await((d) -> d.findElement(By.cssSelector(css))).getText();
	}

}
