package io.camdash.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the page-flow tests: one headless Chromium per test class, signed in as the
 * test admin before its first test.
 */
public abstract class SignedInBrowserTests {

	protected static Browser browser;

	private static boolean signedIn;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void openBrowser() {
		browser = Browser.open();
		signedIn = false;
	}

	@BeforeEach
	void signIn() {
		if (!signedIn) {
			browser.login(url(""), TestUsers.ADMIN);
			signedIn = true;
		}
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
