package io.camdash.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, for page-flow tests.
 * Screenshots go to {@code target/screenshots}, or to the folder named by the
 * {@code screenshots} system property
 * ({@code ./mvnw verify -Dscreenshots=templates-docs/screenshots} refreshes the page
 * catalog).
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(int width, int height) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("Browser tests need Debian's Chromium and its driver: "
					+ "apt-get install -y chromium chromium-driver (.ci/run installs them)");
		}
		try {
			this.profile = Files.createTempDirectory("camdash-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--disable-dev-shm-usage", "--user-data-dir=" + this.profile, "--window-size=" + width + "," + height);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().window().setSize(new Dimension(width, height));
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	/** A desktop-sized browser. */
	public static Browser open() {
		return new Browser(1280, 900);
	}

	/** A phone-sized browser. */
	public static Browser openPhone() {
		return new Browser(390, 844);
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Signs in through the login form and waits until the browser has left the login
	 * page.
	 */
	public void login(String baseUrl, String user, String password) {
		this.driver.get(baseUrl + "/login");
		this.driver.findElement(By.id("username")).sendKeys(user);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
		await((d) -> !d.getCurrentUrl().contains("/login"));
	}

	/** Signs in as one of the {@link TestUsers}. */
	public void login(String baseUrl, TestUsers.User user) {
		login(baseUrl, user.name(), user.password());
	}

	/**
	 * Waits up to 10 s for a condition, failing the test with the page's URL if it never
	 * holds.
	 */
	public <T> T await(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(10)).until(condition);
	}

	/**
	 * Waits until a video element plays: decoded frames of its size, and its clock
	 * advancing.
	 * @return the video's width in pixels
	 */
	public long awaitPlaying(String videoSelector) {
		String script = "const v = document.querySelector(arguments[0]);"
				+ " return v && !v.hidden && v.readyState >= 2 && v.videoWidth > 0 ? v.currentTime : -1";
		double start = await((d) -> {
			Object time = this.driver.executeScript(script, videoSelector);
			return (time instanceof Number n && n.doubleValue() >= 0) ? n.doubleValue() : null;
		});
		await((d) -> ((Number) this.driver.executeScript(script, videoSelector)).doubleValue() > start + 0.2);
		return (Long) this.driver.executeScript("return document.querySelector(arguments[0]).videoWidth",
				videoSelector);
	}

	/** A screenshot as PNG bytes, also saved as {@code name}.png for the page catalog. */
	public byte[] screenshot(String name) {
		byte[] png = this.driver.getScreenshotAs(OutputType.BYTES);
		Path folder = Path.of(System.getProperty("screenshots", "target/screenshots"));
		try {
			Files.createDirectories(folder);
			Path temp = Files.createTempFile(folder, name, ".tmp");
			Files.write(temp, png);
			Files.move(temp, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png;
	}

	/** A screenshot of one element, as PNG bytes (not saved). */
	public byte[] elementScreenshot(org.openqa.selenium.WebElement element) {
		return ((TakesScreenshot) element).getScreenshotAs(OutputType.BYTES);
	}

	/** Console messages at warning level or above since the last call. */
	public List<String> consoleProblems() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			org.springframework.util.FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

}
