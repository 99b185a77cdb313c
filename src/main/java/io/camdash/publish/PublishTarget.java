package io.camdash.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A media server a camera publishes to: {@code rtmp://} or {@code rtmps://} (FLV), or
 * {@code rtsp://} (RTSP ANNOUNCE and RECORD, over TCP).
 *
 * @param url the URL as configured, with any credentials and stream key
 */
record PublishTarget(String url) {

	private static final String MASK = "***";

	/**
	 * Checks the URL, saying what is wrong in a sentence that names the property.
	 * @param property the property it came from, such as
	 * {@code camdash.cameras[0].publish[1]}
	 */
	static PublishTarget parse(String property, String url) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(property + " is not a URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.matches("rtmps?|rtsps?")) {
			throw new IllegalArgumentException(property
					+ " must start with rtmp://, rtmps://, rtsp:// or rtsps:// (a media server to publish to)");
		}
		if (uri.getHost() == null || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
			throw new IllegalArgumentException(property + " needs a host and a path, such as rtmp://server/live/door");
		}
		return new PublishTarget(url.strip());
	}

	/** FFmpeg's name of the container the target takes. */
	String format() {
		return isRtsp() ? "rtsp" : "flv";
	}

	boolean isRtsp() {
		return this.url.regionMatches(true, 0, "rtsp", 0, 4);
	}

	/**
	 * The URL as status, logs and pages show it: user info, query and the last path
	 * segment (the stream key of every RTMP service) hidden.
	 */
	String shown() {
		try {
			URI uri = new URI(this.url);
			String port = (uri.getPort() >= 0) ? ":" + uri.getPort() : "";
			String path = uri.getRawPath();
			String kept = path.substring(0, path.lastIndexOf('/') + 1);
			return uri.getScheme() + "://" + uri.getHost() + port + kept + MASK;
		}
		catch (URISyntaxException ex) {
			// Checked at start-up, so never here; say nothing rather than too much.
			return MASK;
		}
	}

	@Override
	public String toString() {
		return shown();
	}

}
