package io.camdash.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What makes camdash installable: the web app manifest, the service worker and the
 * offline page. All three are public and hold nothing private (the sign-in page links
 * them too); like pages, they are never cached by HTTP, so a new version reaches browsers
 * at once.
 */
@Controller
class WebAppController {

	static final String MANIFEST_URL = "/manifest.webmanifest";

	static final String SERVICE_WORKER_URL = "/sw.js";

	static final String OFFLINE_URL = "/" + AppShell.OFFLINE_PAGE;

	static final String OFFLINE_VIEW = "webapp/offline";

	static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

	/** The navbar's colour, in both colour modes. */
	static final String THEME_COLOUR = "#212529";

	private final AppShell shell;

	private final String workerCode;

	WebAppController(AppShell shell) {
		this.shell = shell;
		try (InputStream in = new ClassPathResource("webapp/service-worker.js").getInputStream()) {
			this.workerCode = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("camdash's service worker is missing from its jar", ex);
		}
	}

	@GetMapping(MANIFEST_URL)
	ResponseEntity<Map<String, Object>> manifest() {
		// URLs relative to the manifest, so camdash works under any context path.
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("id", "./");
		manifest.put("name", "camdash");
		manifest.put("short_name", "camdash");
		manifest.put("description", "Your cameras live, their pictures and your notes.");
		manifest.put("start_url", "./");
		manifest.put("scope", "./");
		manifest.put("display", "standalone");
		manifest.put("background_color", THEME_COLOUR);
		manifest.put("theme_color", THEME_COLOUR);
		manifest.put("icons",
				List.of(icon("/img/icons/icon-192.png", "192x192", "any"),
						icon("/img/icons/icon-512.png", "512x512", "any"),
						icon("/img/icons/maskable-192.png", "192x192", "maskable"),
						icon("/img/icons/maskable-512.png", "512x512", "maskable"),
						Map.of("src", this.shell.relativeUrl("/favicon.svg"), "sizes", "any", "type", "image/svg+xml",
								"purpose", "any")));
		return ResponseEntity.ok().contentType(MANIFEST).body(manifest);
	}

	@GetMapping(SERVICE_WORKER_URL)
	ResponseEntity<String> serviceWorker() {
		AppShell.Shell current = this.shell.shell();
		String urls = current.urls().stream().map((url) -> "'" + url + "'").collect(Collectors.joining(",\n  "));
		String code = "const VERSION = '" + current.version() + "';\nconst SHELL = [\n  " + urls + "\n];\n"
				+ this.workerCode;
		return ResponseEntity.ok().contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8)).body(code);
	}

	@GetMapping(OFFLINE_URL)
	String offline() {
		return OFFLINE_VIEW;
	}

	private Map<String, String> icon(String path, String sizes, String purpose) {
		return Map.of("src", this.shell.relativeUrl(path), "sizes", sizes, "type", "image/png", "purpose", purpose);
	}

}
