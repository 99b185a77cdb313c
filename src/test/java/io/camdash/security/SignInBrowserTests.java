package io.camdash.security;

import java.util.List;

import io.camdash.support.Browser;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign in, a wrong password, sign out; every page under the Content-Security-Policy
 * without console errors.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInBrowserTests {

	@LocalServerPort
	private int port;

	private Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.open();
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void aWrongPasswordIsRefusedWithAMessage() {
		this.browser.driver().get(base() + "/");
		this.browser.await((d) -> d.getCurrentUrl().endsWith("/login"));
		assertThat(this.browser.driver().findElements(By.cssSelector(".navbar-nav"))).as("no menu before signing in")
			.isEmpty();
		this.browser.screenshot("login");
		this.browser.driver().findElement(By.id("username")).sendKeys("viewer");
		this.browser.driver().findElement(By.id("password")).sendKeys("not-the-password");
		this.browser.driver().findElement(By.cssSelector("form.login-form button[type=submit]")).click();
		String message = this.browser.await((d) -> d.findElement(By.cssSelector(".alert-danger")).getText());
		assertThat(message).isEqualTo("Wrong user name or password.");
		assertThat(this.browser.consoleProblems()).isEmpty();
	}

	@Test
	void anAdminSignsInSeesEveryPageUnderTheContentSecurityPolicyAndSignsOut() {
		this.browser.login(base(), TestUsers.ADMIN);
		assertThat(this.browser.driver().findElement(By.cssSelector(".user-menu .user-name")).getText())
			.isEqualTo("admin");
		for (String page : List.of("/", "/cameras/cam")) {
			this.browser.driver().get(base() + page);
			this.browser.await((d) -> d.findElement(By.cssSelector(".camera-state")).getText().equals("LIVE"));
			assertThat(this.browser.consoleProblems()).as(page).isEmpty();
		}
		this.browser.driver().get(base() + "/cameras/nope");
		assertThat(this.browser.consoleProblems()).as("only the 404 itself").singleElement().asString().contains("404");

		this.browser.driver().findElement(By.cssSelector(".user-menu button[type=submit]")).click();
		this.browser.await((d) -> d.getCurrentUrl().endsWith("/login?logout"));
		assertThat(this.browser.driver().findElement(By.cssSelector(".alert-success")).getText())
			.isEqualTo("You have signed out.");
		this.browser.driver().get(base() + "/");
		this.browser.await((d) -> d.getCurrentUrl().endsWith("/login"));
		assertThat(this.browser.consoleProblems()).isEmpty();
	}

	@Test
	void scriptsCannotReadTheSessionCookie() {
		this.browser.login(base(), TestUsers.VIEWER);
		org.openqa.selenium.Cookie session = this.browser.driver().manage().getCookieNamed("JSESSIONID");
		assertThat(session).isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");
		Object visible = this.browser.driver().executeScript("return document.cookie");
		assertThat(String.valueOf(visible)).doesNotContain("JSESSIONID");
	}

	@Test
	void aViewerSeesTheirRole() {
		this.browser.login(base(), TestUsers.VIEWER);
		assertThat(this.browser.driver().findElement(By.cssSelector(".user-menu .badge")).getText())
			.isEqualTo("VIEWER");
		assertThat(this.browser.consoleProblems()).isEmpty();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
