package io.camdash.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.camdash.support.Browser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page figures of issue 16: Lighthouse (mobile, its default) scores for performance,
 * accessibility and best practices on every page of the running jar, and how many bytes a
 * second visit of each page transfers besides images. Prints a table and writes it to
 * {@code target/bench/lighthouse.md}; nothing is asserted (scores move with the machine's
 * load). Lighthouse comes from npm (pinned, into {@code target/bench-tools}) and drives
 * Debian's Chromium; {@code -Dbench.quick=true} measures two pages.
 */
public final class LighthouseBenchmark {

	private static final String LIGHTHOUSE_VERSION = "12.8.2";

	private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	private static final String PICTURE = "bench/2026-01-03/bench_20260103-120000-000.jpg";

	/** Every page an ADMIN opens; Lighthouse signs in with HTTP Basic. */
	private static final List<String> PAGES = List.of("/", "/cameras/bench", "/pictures", "/pictures/view/" + PICTURE,
			"/events", "/notes", "/notes/welcome.md", "/notes/welcome.md?edit", "/notes/new", "/notes/search?q=camdash",
			"/settings/cameras", "/settings/tokens", "/offline");

	/** Pages opened signed out. */
	private static final List<String> PUBLIC_PAGES = List.of("/login");

	/**
	 * Bytes transferred for a page up to its load event, images, streams and the status
	 * polls after it left out: what a second visit costs.
	 */
	private static final String TRANSFERRED = """
			const nav = performance.getEntriesByType('navigation')[0];
			const end = nav.loadEventEnd || performance.now();
			const others = performance.getEntriesByType('resource')
			  .filter((r) => r.startTime <= end && !['img', 'image', 'video', 'css-image'].includes(r.initiatorType)
			      && !/\\.(jpe?g|png|gif|webp|svg)(\\?|$)/.test(r.name));
			return nav.transferSize + others.reduce((sum, r) => sum + r.transferSize, 0);""";

	private LighthouseBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options = BenchOptions.fromSystemProperties();
		Path out = options.out().resolve("lighthouse").toAbsolutePath();
		Path lighthouse = installLighthouse(options.out().resolveSibling("bench-tools").toAbsolutePath());
		prepareData(out);
		// -Dbench.pages=/cameras/bench,/notes measures only those (for before and after
		// comparisons while tuning).
		String only = System.getProperty("bench.pages", "");
		List<String> pages = !only.isBlank() ? List.of(only.split(","))
				: options.quick() ? List.of("/", "/notes") : PAGES;
		StringBuilder table = new StringBuilder("| page | performance | LCP, TBT | accessibility | best practices "
				+ "| second visit, KB (no images) | Lighthouse's findings |\n|---|---:|---|---:|---:|---:|---|\n");
		try (ServerProcess server = ServerProcess.start(options.jar(), List.of("-Xmx256m"), appArgs(out),
				out.resolve("server.log"))) {
			String base = "http://127.0.0.1:" + server.port();
			List<Long> secondVisits = secondVisits(base, pages);
			for (int i = 0; i < pages.size(); i++) {
				table.append(row(lighthouse, out, base, pages.get(i), true, secondVisits.get(i))).append('\n');
				System.out.println(table);
			}
			if (!options.quick() && only.isBlank()) {
				for (String page : PUBLIC_PAGES) {
					table.append(row(lighthouse, out, base, page, false, null)).append('\n');
				}
			}
		}
		String report = "Lighthouse " + LIGHTHOUSE_VERSION + " (mobile: simulated slow 4G and 4x CPU slowdown), "
				+ "Chromium " + chromiumVersion() + ", camdash as its own JVM on loopback with one 1280x720 test "
				+ "pattern camera; " + Runtime.getRuntime().availableProcessors() + " cores, load average "
				+ loadAverage() + " at the end.\n\n" + table;
		Files.writeString(options.out().resolve("lighthouse.md"), report);
		System.out.println(report);
		System.exit(0);
	}

	private static String row(Path lighthouse, Path out, String base, String page, boolean signedIn, Long secondVisit)
			throws Exception {
		JsonNode report = run(lighthouse, out, base + page, signedIn);
		JsonNode categories = report.path("categories");
		List<String> findings = new ArrayList<>();
		for (String category : List.of("accessibility", "best-practices")) {
			for (JsonNode ref : categories.path(category).path("auditRefs")) {
				JsonNode audit = report.path("audits").path(ref.path("id").asString());
				if (ref.path("weight").asDouble() > 0 && audit.path("score").isNumber()
						&& audit.path("score").asDouble() < 1) {
					findings.add(audit.path("id").asString());
				}
			}
		}
		String timings = report.path("audits").path("largest-contentful-paint").path("displayValue").asString("–")
				+ ", " + report.path("audits").path("total-blocking-time").path("displayValue").asString("–");
		return "| " + page + " | " + score(categories, "performance") + " | " + timings + " | "
				+ score(categories, "accessibility") + " | " + score(categories, "best-practices") + " | "
				+ ((secondVisit != null) ? String.format(Locale.ROOT, "%.1f", secondVisit / 1024.0) : "–") + " | "
				+ String.join(", ", findings) + " |";
	}

	private static String score(JsonNode categories, String name) {
		JsonNode score = categories.path(name).path("score");
		return score.isNumber() ? Long.toString(Math.round(score.asDouble() * 100)) : "error";
	}

	private static JsonNode run(Path lighthouse, Path out, String url, boolean signedIn) throws Exception {
		Path json = Files.createTempFile(out, "lighthouse-", ".json");
		List<String> command = new ArrayList<>(List.of("node", lighthouse.toString(), url, "--quiet", "--output=json",
				"--output-path=" + json, "--only-categories=performance,accessibility,best-practices",
				"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"));
		if (signedIn) {
			String credentials = Base64.getEncoder()
				.encodeToString(("admin:" + ServerProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
			command.add("--extra-headers={\"Authorization\":\"Basic " + credentials + "\"}");
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(out.resolve("lighthouse.log").toFile());
		builder.environment().put("CHROME_PATH", CHROMIUM.toString());
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("Lighthouse did not finish " + url + " in 5 minutes");
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("Lighthouse failed on " + url + ": see " + out.resolve("lighthouse.log"));
		}
		return JsonMapper.builder().build().readTree(json.toFile());
	}

	/** Each page opened, then opened again: what the second visit transferred. */
	private static List<Long> secondVisits(String base, List<String> pages) {
		List<Long> bytes = new ArrayList<>();
		try (Browser browser = Browser.openPhone()) {
			browser.login(base, "admin", ServerProcess.ADMIN_PASSWORD);
			for (String page : pages) {
				for (int visit = 0; visit < 2; visit++) {
					browser.driver().get("about:blank");
					browser.driver().get(base + page);
					browser.await((d) -> browser.driver()
						.executeScript("const n = performance.getEntriesByType('navigation')[0];"
								+ " return n && n.loadEventEnd > 0"));
				}
				bytes.add(((Number) browser.driver().executeScript(TRANSFERRED)).longValue());
			}
		}
		return bytes;
	}

	private static List<String> appArgs(Path out) {
		return List.of("--camdash.cameras[0].id=bench", "--camdash.cameras[0].name=Bench 720p",
				"--camdash.cameras[0].source=test-pattern", "--camdash.cameras[0].width=1280",
				"--camdash.cameras[0].height=720", "--camdash.cameras[0].fps=15",
				"--camdash.security.data-folder=" + out.resolve("data"),
				"--camdash.security.admin-password=" + ServerProcess.ADMIN_PASSWORD,
				"--camdash.pictures.folder=" + out.resolve("pictures"),
				"--camdash.pictures.thumbnail-cache=" + out.resolve("thumbnails"),
				"--camdash.notes.folder=" + out.resolve("notes"));
	}

	/** The starter notes and one picture, so that no page is empty. */
	private static void prepareData(Path out) throws IOException {
		Path notes = out.resolve("notes");
		try (Stream<Path> files = Files.walk(Path.of("notes"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = notes.resolve(Path.of("notes").relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		Path picture = out.resolve("pictures").resolve(PICTURE);
		Files.createDirectories(picture.getParent());
		ImageIO.write(new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB), "jpg", picture.toFile());
	}

	/** Lighthouse from npm, pinned, installed once. */
	private static Path installLighthouse(Path folder) throws Exception {
		Path cli = folder.resolve("node_modules/lighthouse/cli/index.js");
		Path packageJson = folder.resolve("node_modules/lighthouse/package.json");
		if (Files.exists(cli)
				&& Files.readString(packageJson).contains("\"version\": \"" + LIGHTHOUSE_VERSION + "\"")) {
			return cli;
		}
		Files.createDirectories(folder);
		Process npm = new ProcessBuilder("npm", "install", "--prefix", folder.toString(), "--no-save", "--no-audit",
				"--no-fund", "--loglevel=error", "lighthouse@" + LIGHTHOUSE_VERSION)
			.inheritIO()
			.start();
		if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
			throw new IllegalStateException("npm could not install lighthouse@" + LIGHTHOUSE_VERSION);
		}
		return cli;
	}

	private static String chromiumVersion() throws IOException, InterruptedException {
		Process version = new ProcessBuilder(CHROMIUM.toString(), "--version").redirectErrorStream(true).start();
		String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		version.waitFor(30, TimeUnit.SECONDS);
		Matcher number = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+").matcher(text);
		return number.find() ? number.group() : text;
	}

	private static String loadAverage() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
	}

}
