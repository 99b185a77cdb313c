package io.camdash.webapp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camdash.support.SignedInBrowserTests;
import io.camdash.support.TcpRelay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installable in Chromium: the manifest is valid, the service worker registers and
 * controls the pages, keeps the app shell and never a page, and a page opened while
 * camdash cannot be reached shows the offline page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebAppBrowserTests extends SignedInBrowserTests {

	private static final String CACHED_URLS = """
			const done = arguments[arguments.length - 1];
			caches.keys()
			  .then((names) => Promise.all(names.map((name) => caches.open(name).then((cache) => cache.keys()))))
			  .then((lists) => done(lists.flat().map((request) => request.url)));""";

	@BeforeEach
	void controlledByTheServiceWorker() {
		browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
		browser.driver().get(url("/"));
		Object scope = browser.driver()
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ " navigator.serviceWorker.ready.then((r) => done(r.active && r.scope))");
		assertThat(scope).isEqualTo(url("/"));
		awaitControlled();
	}

	@Test
	void chromiumFindsTheAppInstallableWithAValidManifest() {
		Map<String, Object> manifest = browser.driver().executeCdpCommand("Page.getAppManifest", Map.of());
		assertThat(manifest.get("url")).isEqualTo(url("/manifest.webmanifest"));
		assertThat((List<?>) manifest.get("errors")).isEmpty();
		Map<String, Object> installability = browser.driver()
			.executeCdpCommand("Page.getInstallabilityErrors", Map.of());
		assertThat((List<?>) installability.get("installabilityErrors")).isEmpty();
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void theServiceWorkerKeepsTheAppShellButNoPageStreamOrPicture() {
		for (String page : new String[] { "/cameras/cam", "/pictures", "/notes", "/events", "/" }) {
			browser.driver().get(url(page));
			browser.await((d) -> browser.driver().executeScript("return document.readyState === 'complete'"));
		}
		@SuppressWarnings("unchecked")
		List<String> kept = (List<String>) browser.driver().executeAsyncScript(CACHED_URLS);
		String root = url("/");
		assertThat(kept).contains(root + "offline")
			.anyMatch((kept1) -> kept1.matches(root + "css/camdash-[0-9a-f]{32}\\.css"))
			.allSatisfy((entry) -> assertThat(entry.substring(root.length())).matches(
					"(css|js|img|webjars)/.+-[0-9a-f]{32}\\.[a-z0-9]+(\\?.*)?|favicon-[0-9a-f]{32}\\.svg|offline"));
		assertThat(browser.consoleProblems()).isEmpty();
	}

	@Test
	void aPageOpenedWhileCamdashCannotBeReachedShowsTheOfflinePage() {
		// Through a relay of its own (an origin with its own worker), cut as a lost
		// network
		// would: Chromium's offline emulation does not reach service workers.
		try (TcpRelay relay = TcpRelay.to(this.port)) {
			String origin = "http://localhost:" + relay.port();
			browser.driver().get(origin + "/");
			awaitControlled();
			relay.close();
			browser.driver().get(origin + "/notes");
			assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("cannot be reached");
			assertThat(browser.driver().findElements(By.cssSelector(".user-menu"))).isEmpty();
			assertThat(browser.driver()
				.executeScript("return getComputedStyle(document.querySelector('.btn-primary')).display"))
				.as("styled from the kept shell")
				.isEqualTo("inline-block");
			browser.screenshot("offline");
		}
		finally {
			browser.consoleProblems();
		}
		browser.driver().get(url("/notes"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).doesNotContain("cannot be reached");
	}

	private static void awaitControlled() {
		browser.await((d) -> browser.driver().executeScript("return navigator.serviceWorker.controller !== null"));
	}

}
