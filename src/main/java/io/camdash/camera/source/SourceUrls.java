package io.camdash.camera.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A camera URL as it may be shown. Any part of a URL may hold a secret (user info,
 * {@code ?api_key=}, {@code ?access_token=}, a signature; no list of names covers them
 * all), so: {@link #masked} hides user info and every query value, for ADMINs and logs;
 * {@link #forViewers} keeps only scheme, host, port and path.
 */
final class SourceUrls {

	private static final String MASK = "***";

	private static final Pattern USER_INFO = Pattern.compile("//[^/?#]*@");

	private static final Pattern QUERY_VALUE = Pattern.compile("([?&;][^=&;#]*=)[^&;#]*");

	private SourceUrls() {
	}

	/**
	 * The URL with user info and every query value replaced by {@code ***} and the
	 * fragment dropped; parameter names stay, so an ADMIN can tell which URL it is.
	 */
	static String masked(String url) {
		String withoutFragment = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
		String noUser = USER_INFO.matcher(withoutFragment).replaceFirst("//" + MASK + "@");
		int query = noUser.indexOf('?');
		if (query < 0) {
			return noUser;
		}
		return noUser.substring(0, query) + QUERY_VALUE.matcher(noUser.substring(query)).replaceAll("$1" + MASK);
	}

	/**
	 * The URL without user info and fragment, as it is requested once the user info went
	 * into an {@code Authorization} header.
	 */
	static String withoutUserInfo(String url) {
		String withoutFragment = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
		return USER_INFO.matcher(withoutFragment).replaceFirst("//");
	}

	/** Scheme, host, port and path only: nothing else can hold a secret. */
	static String forViewers(String url) {
		try {
			URI uri = new URI(url);
			String port = (uri.getPort() >= 0) ? ":" + uri.getPort() : "";
			String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
			return uri.getScheme() + "://" + uri.getHost() + port + path;
		}
		catch (URISyntaxException ex) {
			// Checked at start-up, so never here; say nothing rather than too much.
			return MASK;
		}
	}

}
