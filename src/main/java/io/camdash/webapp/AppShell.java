package io.camdash.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The files a page needs before it shows anything, under their content-hashed URLs: every
 * file in {@code static/}, the webjars the layout links, and the offline page. They hold
 * nothing private, so the service worker may keep them; the version changes whenever one
 * of them does, so browsers install the new worker and drop the old files.
 */
@Component
class AppShell {

	static final String OFFLINE_PAGE = "offline";

	/** Static files from webjars that pages link. */
	private static final List<String> WEBJARS = List.of("/webjars/bootstrap/css/bootstrap.min.css",
			"/webjars/bootstrap/js/bootstrap.bundle.min.js", "/webjars/bootstrap-icons/font/bootstrap-icons.min.css",
			"/webjars/bootstrap-icons/font/fonts/bootstrap-icons.woff2");

	private static final String STATIC_FOLDER = "classpath:/static/";

	private final ResourcePatternResolver resources;

	private final ResourceUrlProvider urls;

	private volatile Shell shell;

	AppShell(ResourcePatternResolver resources, ResourceUrlProvider urls) {
		this.resources = resources;
		this.urls = urls;
	}

	/**
	 * The shell's URLs, relative to the application's root (where the service worker and
	 * the manifest live), and a version naming this set of files.
	 */
	Shell shell() {
		Shell current = this.shell;
		if (current == null) {
			current = build();
			this.shell = current;
		}
		return current;
	}

	/** The content-hashed URL of a static file, relative to the application's root. */
	String relativeUrl(String path) {
		String versioned = this.urls.getForLookupPath(path);
		return Objects.requireNonNullElse(versioned, path).substring(1);
	}

	private Shell build() {
		TreeSet<String> paths = new TreeSet<>(WEBJARS);
		try {
			for (Resource resource : this.resources.getResources(STATIC_FOLDER + "**/*.*")) {
				String url = resource.getURL().toString();
				paths.add(url.substring(url.lastIndexOf("/static/") + "/static".length()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list camdash's static files", ex);
		}
		List<String> shell = new ArrayList<>();
		paths.forEach((path) -> shell.add(relativeUrl(path)));
		shell.add(OFFLINE_PAGE);
		String version = DigestUtils.md5DigestAsHex(String.join("\n", shell).getBytes(StandardCharsets.UTF_8))
			.substring(0, 12);
		return new Shell(List.copyOf(shell), version);
	}

	/**
	 * The app shell.
	 *
	 * @param urls the files, relative to the application's root
	 * @param version changes whenever a file does (its hashed URL changes)
	 */
	record Shell(List<String> urls, String version) {

	}

}
