package io.camdash.settings;

/**
 * Settings camdash cannot start with: an unknown {@code camdash.*} name, or a settings
 * file it cannot read. Its message names the setting or file and where it stands; the
 * start-up report shows it with {@link #action()} (see
 * {@link BadSettingsFailureAnalyzer}).
 */
public class BadSettingsException extends RuntimeException {

	private final String action;

	BadSettingsException(String message, String action) {
		super(message);
		this.action = action;
	}

	BadSettingsException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	/** What to do about it, in words. */
	public String action() {
		return this.action;
	}

}
