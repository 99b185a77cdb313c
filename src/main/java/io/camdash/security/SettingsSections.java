package io.camdash.security;

import java.util.List;
import java.util.Map;

/**
 * The sections of camdash's settings file that security keeps there: users made in the
 * browser and camera tokens. The settings package's file implements it, so security needs
 * nothing else from that package (which itself reads security's data folder).
 */
public interface SettingsSections {

	/**
	 * One section's entries as plain data (text, numbers, true or false); empty when the
	 * file or the section is absent.
	 * @throws IllegalStateException naming the file when the section is not a list of
	 * entries with names
	 */
	List<Map<String, Object>> entries(String section);

	/**
	 * Replaces one section, keeping the others as they are; atomic, so a crash leaves the
	 * old file or the new one. An empty list removes the section.
	 * @throws java.io.UncheckedIOException when the file cannot be written; it is then
	 * unchanged
	 */
	void replaceEntries(String section, List<Map<String, Object>> entries);

}
