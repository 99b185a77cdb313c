package io.camdash.camera.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Fetches a camera's snapshot URL, one request at a time, bounded in every way a camera
 * could hold it up: connect and read timeouts, a deadline for the whole answer, and a
 * size limit on the body. User and password in the URL answer the camera's Basic or
 * Digest challenge. Failures are said in words a person can act on ("the camera answered
 * 401", "timed out"), with no secret from the URL in them: they reach VIEWERs on the NO
 * SIGNAL card.
 */
final class SnapshotFetcher {

	/** The largest image accepted: well above a 4K JPEG, far below a memory problem. */
	static final int MAX_IMAGE_BYTES = 16 * 1024 * 1024;

	private final URI url;

	private final int timeoutMillis;

	private final OneAnswerAuthenticator authenticator;

	private byte[] buffer = new byte[64 * 1024];

	private int length;

	private @Nullable String contentType;

	/**
	 * @param url an http(s) URL, possibly with user info
	 * @param timeoutMillis how long connecting, each read, and the whole answer may take
	 */
	SnapshotFetcher(String url, int timeoutMillis) {
		URI uri = URI.create(url);
		this.url = URI.create(SourceUrls.withoutUserInfo(url));
		this.timeoutMillis = timeoutMillis;
		this.authenticator = new OneAnswerAuthenticator(uri.getUserInfo());
	}

	/**
	 * Fetches the image once; its bytes are then {@link #body()} up to {@link #length()}.
	 */
	void fetch() throws IOException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(this.timeoutMillis);
		this.length = -1;
		this.contentType = null;
		HttpURLConnection connection = null;
		try {
			connection = connect("image/jpeg, image/png;q=0.9, */*;q=0.5");
			if (isMultipart(this.contentType)) {
				throw new Refusal("the camera sends a stream (" + this.contentType
						+ "), not one image: use its URL without snapshot:");
			}
			if (connection.getContentLengthLong() > MAX_IMAGE_BYTES) {
				throw new Refusal(tooLarge());
			}
			try (InputStream body = connection.getInputStream()) {
				this.length = read(body, deadline);
			}
		}
		catch (IOException ex) {
			throw explained(ex);
		}
		finally {
			// A body left unread (an error, a refused image) leaves a connection nobody
			// can reuse.
			if (connection != null && this.length < 0) {
				connection.disconnect();
			}
		}
	}

	/**
	 * Asks the URL for a stream: the body of a multipart (MJPEG) answer, each read
	 * bounded by the timeout, or null when the answer is not multipart (its content type
	 * is then {@link #contentType()}). The caller closes the stream.
	 */
	@Nullable InputStream openStream() throws IOException {
		this.contentType = null;
		HttpURLConnection connection = null;
		boolean streaming = false;
		try {
			connection = connect("multipart/x-mixed-replace, image/jpeg;q=0.9, */*;q=0.5");
			if (!isMultipart(this.contentType)) {
				return null;
			}
			InputStream body = connection.getInputStream();
			streaming = true;
			return body;
		}
		catch (IOException ex) {
			throw explained(ex);
		}
		finally {
			if (connection != null && !streaming) {
				connection.disconnect();
			}
		}
	}

	private HttpURLConnection connect(String accept) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) this.url.toURL().openConnection();
		connection.setConnectTimeout(this.timeoutMillis);
		connection.setReadTimeout(this.timeoutMillis);
		connection.setUseCaches(false);
		connection.setRequestProperty("Accept", accept);
		connection.setRequestProperty("Cache-Control", "no-cache");
		this.authenticator.reset();
		connection.setAuthenticator(this.authenticator);
		int status = connection.getResponseCode();
		if (status != HttpURLConnection.HTTP_OK) {
			connection.disconnect();
			throw new Refusal(answered(status));
		}
		this.contentType = connection.getContentType();
		return connection;
	}

	private static boolean isMultipart(@Nullable String type) {
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	/** A failure in words a person can act on, with no secret from the URL. */
	IOException explained(IOException ex) {
		if (ex instanceof Refusal) {
			return ex;
		}
		if (ex instanceof SocketTimeoutException) {
			return new IOException(timedOut(), ex);
		}
		if (ex instanceof ConnectException) {
			return new IOException("connection refused: nothing answers at " + where(), ex);
		}
		if (ex instanceof UnknownHostException) {
			return new IOException("unknown host " + this.url.getHost(), ex);
		}
		// The JDK's words (connection reset, certificate not trusted, ...) with any URL
		// in them cut down to host and port.
		String detail = (ex.getMessage() != null) ? ": " + ex.getMessage().replace(this.url.toString(), where()) : "";
		return new IOException("the connection to " + where() + " failed" + detail, ex);
	}

	private int read(InputStream body, long deadline) throws IOException {
		int total = 0;
		while (true) {
			if (total == this.buffer.length) {
				if (total >= MAX_IMAGE_BYTES + 1) {
					throw new Refusal(tooLarge());
				}
				this.buffer = Arrays.copyOf(this.buffer, Math.min(total * 2, MAX_IMAGE_BYTES + 1));
			}
			int n = body.read(this.buffer, total, this.buffer.length - total);
			if (n < 0) {
				break;
			}
			total += n;
			if (System.nanoTime() - deadline > 0) {
				throw new Refusal(timedOut());
			}
		}
		if (total > MAX_IMAGE_BYTES) {
			throw new Refusal(tooLarge());
		}
		return total;
	}

	/** The last image's bytes, valid up to {@link #length()} until the next fetch. */
	byte[] body() {
		return this.buffer;
	}

	int length() {
		return Math.max(this.length, 0);
	}

	/** The content type of the last answer, as the camera named it, or null. */
	@Nullable String contentType() {
		return this.contentType;
	}

	private String answered(int status) {
		String hint = switch (status) {
			case HttpURLConnection.HTTP_UNAUTHORIZED -> (this.authenticator.hasCredentials())
					? " (wrong user or password in the URL?)" : " (the URL needs a user and password)";
			case HttpURLConnection.HTTP_FORBIDDEN -> " (access denied)";
			case HttpURLConnection.HTTP_NOT_FOUND -> " (no such path)";
			default -> "";
		};
		return "the camera answered " + status + hint;
	}

	private String timedOut() {
		return "timed out: no image from " + where() + " within " + this.timeoutMillis + " ms";
	}

	private static String tooLarge() {
		return "the image is larger than " + (MAX_IMAGE_BYTES / (1024 * 1024)) + " MB";
	}

	/** Host and port, which hold no secret. */
	private String where() {
		return this.url.getHost() + ((this.url.getPort() >= 0) ? ":" + this.url.getPort() : "");
	}

	/** A failure said in our own words, passed on as it is. */
	private static final class Refusal extends IOException {

		Refusal(String message) {
			super(message);
		}

	}

	/**
	 * Answers the camera's first challenge of each request with the URL's user and
	 * password, and no more: wrong credentials come back as a 401, not as a request
	 * repeated until the JDK gives up. One instance for all requests of a source, so the
	 * JDK's cache of accepted credentials sends them up front next time.
	 */
	private static final class OneAnswerAuthenticator extends Authenticator {

		private final @Nullable PasswordAuthentication credentials;

		private boolean answered;

		OneAnswerAuthenticator(@Nullable String userInfo) {
			if (userInfo == null || userInfo.isEmpty()) {
				this.credentials = null;
			}
			else {
				int colon = userInfo.indexOf(':');
				String user = (colon < 0) ? userInfo : userInfo.substring(0, colon);
				String password = (colon < 0) ? "" : userInfo.substring(colon + 1);
				this.credentials = new PasswordAuthentication(user, password.toCharArray());
			}
		}

		boolean hasCredentials() {
			return this.credentials != null;
		}

		void reset() {
			this.answered = false;
		}

		@Override
		protected @Nullable PasswordAuthentication getPasswordAuthentication() {
			if (this.answered || this.credentials == null || getRequestorType() != RequestorType.SERVER) {
				return null;
			}
			this.answered = true;
			return this.credentials;
		}

	}

}
