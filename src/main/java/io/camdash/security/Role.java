package io.camdash.security;

/**
 * The roles camdash knows. An ADMIN can do everything a VIEWER can (the filter chains'
 * role hierarchy says so).
 */
public enum Role {

	/** Everything: watch, take and delete pictures, edit notes. */
	ADMIN,

	/**
	 * Watch streams and stills, view and download pictures, read notes; change nothing.
	 */
	VIEWER;

	private static final String PREFIX = "ROLE_";

	/** The authority Spring Security grants a user with this role. */
	public String authority() {
		return PREFIX + name();
	}

}
