package io.camdash.camera;

import io.camdash.support.CamerasWithoutSignalTest;
import io.camdash.support.SignedInBrowserTests;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A camera without signal has a NO SIGNAL tile on the dashboard, saying why: never a
 * broken image.
 */
@CamerasWithoutSignalTest
class NoSignalTileBrowserTests extends SignedInBrowserTests {

	@Test
	void aCameraWithoutSignalShowsNoSignalAndItsReason() {
		browser.driver().get(url("/"));
		WebElement usb = tile("usb");
		WebElement noSignal = browser.await((d) -> {
			WebElement shown = usb.findElement(By.cssSelector(".no-signal"));
			return shown.isDisplayed() ? shown : null;
		});
		assertThat(noSignal.getText()).startsWith("NO SIGNAL");
		assertThat(noSignal.findElement(By.cssSelector(".no-signal-reason")).getText()).isNotBlank();
		assertThat(usb.findElement(By.cssSelector(".camera-state")).getText()).isEqualTo("NO SIGNAL");
		assertThat(tile("cam").findElement(By.cssSelector(".no-signal")).isDisplayed()).isFalse();
		browser.screenshot("dashboard-no-signal");
	}

	private static WebElement tile(String camera) {
		return browser.driver()
			.findElement(By.xpath("//div[contains(@class,'camera-tile')][.//a[@href='/cameras/" + camera + "']]"));
	}

}
