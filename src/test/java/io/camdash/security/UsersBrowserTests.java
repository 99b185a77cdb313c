package io.camdash.security;

import java.util.Map;

import io.camdash.support.Browser;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users page in Chromium: an ADMIN adds a user, who signs in; when an ADMIN changes
 * that user's password, the user's open browser is signed out at its next page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "camdash.security.data-folder=target/camdash-users-browser-test-data")
class UsersBrowserTests {

	@LocalServerPort
	private int port;

	/** The data folder outlives a run: new names each time. */
	private final String suffix = Long.toString(System.nanoTime() % 1_000_000);

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@Test
	void anAdminAddsAUserInTheBrowserWhoThenSignsIn() {
		try (Browser browser = Browser.open()) {
			browser.login(url(""), TestUsers.ADMIN);
			WebDriver driver = browser.driver();
			driver.get(url("/settings/users"));
			driver.findElement(By.id("user-name")).sendKeys("hanna" + this.suffix);
			driver.findElement(By.id("user-password")).sendKeys("hanna-password-1");
			new Select(driver.findElement(By.id("user-role"))).selectByValue("VIEWER");
			driver.findElement(By.cssSelector("form.new-user button[type=submit]")).click();
			browser.await(
					(d) -> d.findElement(By.cssSelector(".flash-message")).getText().contains("hanna" + this.suffix));
			assertThat(driver.findElement(By.cssSelector("tr.user[data-user=hanna" + this.suffix + "] .user-origin"))
				.getText()).isEqualTo("settings file");
			driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
			browser.await((d) -> d.getCurrentUrl().contains("/login"));
			browser.login(url(""), "hanna" + this.suffix, "hanna-password-1");
			assertThat(driver.findElement(By.tagName("body")).getText()).contains("hanna" + this.suffix);
		}
	}

	@Test
	void aPasswordChangedByAnAdminSignsTheUsersBrowserOut() {
		SignedInClient admin = SignedInClient.signIn(this.port, TestUsers.ADMIN);
		String ivan = "ivan" + this.suffix;
		admin.post("/settings/users", Map.of("name", ivan, "password", "ivan-password-1", "role", "VIEWER"));
		try (Browser browser = Browser.open()) {
			browser.login(url(""), ivan, "ivan-password-1");
			WebDriver driver = browser.driver();
			driver.get(url("/pictures"));
			assertThat(driver.getCurrentUrl()).endsWith("/pictures");
			admin.post("/settings/users/password", Map.of("name", ivan, "password", "ivan-password-2"));
			driver.get(url("/pictures"));
			browser.await((d) -> d.getCurrentUrl().contains("/login"));
			browser.login(url(""), ivan, "ivan-password-2");
			driver.get(url("/pictures"));
			assertThat(driver.getCurrentUrl()).endsWith("/pictures");
		}
	}

}
