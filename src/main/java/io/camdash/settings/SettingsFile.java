package io.camdash.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.camdash.security.SecretFiles;
import io.camdash.security.SettingsSections;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * camdash's own settings file, {@code settings.yaml} in the data folder: what the
 * settings pages change, read at start. It may hold camera source URLs with passwords, so
 * it is owner-only like camdash's other secrets, and written like them: a temporary file
 * moved into place, so a crash leaves the old file or the new one. It is written through
 * a YAML library from plain data (text, numbers, true/false, lists and maps), never
 * pieced together as text: a value holding a newline, a colon or YAML syntax stays one
 * value.
 */
public final class SettingsFile implements SettingsSections {

	/** The file's name in the data folder. */
	public static final String NAME = "settings.yaml";

	private static final String HEADER = """
			# camdash's settings, written by its settings pages. Edit by hand only while camdash is
			# stopped: a running camdash rewrites the whole file at the next change.
			""";

	private final Path dataFolder;

	public SettingsFile(Path dataFolder) {
		this.dataFolder = dataFolder.toAbsolutePath().normalize();
	}

	public Path path() {
		return this.dataFolder.resolve(NAME);
	}

	/**
	 * The file's settings, their names relative to {@code camdash.} and each value with
	 * its line and column; empty when there is no file or it is empty.
	 * @throws BadSettingsException when it is no YAML camdash can read, naming the file,
	 * line and column
	 */
	Optional<OriginTrackedMapPropertySource> read() {
		Path file = path();
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		List<PropertySource<?>> documents;
		try {
			documents = new YamlPropertySourceLoader().load("settings file " + file, new FileSystemResource(file));
		}
		catch (IOException ex) {
			throw new BadSettingsException("Cannot read the settings file " + file + ": " + ex.getMessage(),
					"Give camdash read access to the file, or move it away to start without it.", ex);
		}
		catch (RuntimeException ex) {
			throw unreadable(file, ex);
		}
		if (documents.size() > 1) {
			throw new BadSettingsException(
					"The settings file " + file + " holds " + documents.size()
							+ " YAML documents (separated by ---); camdash reads one.",
					"Keep one document in the file.");
		}
		return documents.stream().map(OriginTrackedMapPropertySource.class::cast).findFirst();
	}

	private static BadSettingsException unreadable(Path file, RuntimeException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MarkedYAMLException yaml) {
				Mark mark = (yaml.getProblemMark() != null) ? yaml.getProblemMark() : yaml.getContextMark();
				String where = (mark != null)
						? " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) : "";
				String problem = (yaml.getProblem() != null) ? yaml.getProblem() : yaml.getContext();
				return new BadSettingsException(
						"The settings file " + file + " is not valid YAML" + where + ": " + problem,
						"Correct the file there, or move it away to start without it.", ex);
			}
		}
		return new BadSettingsException("The settings file " + file + " cannot be read: " + ex.getMessage(),
				"Correct the file, or move it away to start without it.", ex);
	}

	/**
	 * Replaces the file with these settings (names as under {@code camdash.}, such as
	 * {@code cameras}). Values must be plain data: text, numbers, true or false, lists
	 * and maps of them.
	 * @throws java.io.UncheckedIOException when the file cannot be written; the old file
	 * is then unchanged
	 */
	public synchronized void write(Map<String, ?> settings) {
		requirePlainData(settings, "settings");
		// No settings: the header alone (YAML's {} would read back as a name).
		new SecretFiles(this.dataFolder).write(NAME,
				settings.isEmpty() ? HEADER : HEADER + yaml().dump(settings).stripTrailing());
	}

	/**
	 * The file's contents as plain data (maps, lists, text, numbers, true or false): what
	 * a settings page changes and writes back with {@link #writeSection}. Empty when
	 * there is no file. Read with SnakeYAML's safe constructor: a tag naming a Java class
	 * is refused, never built.
	 * @throws BadSettingsException when it is no YAML camdash can read
	 */
	public synchronized Map<String, Object> readData() {
		Path file = path();
		if (!Files.exists(file)) {
			return new LinkedHashMap<>();
		}
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			Map<String, Object> sections = new LinkedHashMap<>();
			if (data instanceof Map<?, ?> map) {
				map.forEach((key, value) -> sections.put(String.valueOf(key), value));
			}
			return sections;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			throw unreadable(file, ex);
		}
	}

	/**
	 * Replaces one section of the file (such as {@code cameras}), keeping the others as
	 * they are; under one lock, so two pages saving at once lose neither change.
	 * @throws java.io.UncheckedIOException when the file cannot be written; the old file
	 * is then unchanged
	 */
	public synchronized void writeSection(String section, Object value) {
		Map<String, Object> sections = readData();
		sections.put(section, value);
		write(sections);
	}

	private static Yaml yaml() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setSplitLines(false);
		return new Yaml(options);
	}

	@Override
	public List<Map<String, Object>> entries(String section) {
		Object value = readData().get(section);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw notEntries(section);
		}
		List<Map<String, Object>> entries = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> map)) {
				throw notEntries(section);
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			map.forEach((key, field) -> entry.put(String.valueOf(key), field));
			entries.add(entry);
		}
		return entries;
	}

	private IllegalStateException notEntries(String section) {
		return new IllegalStateException("The settings file " + path() + " has '" + section
				+ "' as something other than a list of entries (- name: ...): correct it while camdash is stopped");
	}

	@Override
	public synchronized void replaceEntries(String section, List<Map<String, Object>> entries) {
		if (entries.isEmpty()) {
			Map<String, Object> sections = readData();
			sections.remove(section);
			write(sections);
		}
		else {
			writeSection(section, entries);
		}
	}

	/** Only what YAML writes as data, never a Java object that it would tag. */
	private static void requirePlainData(@Nullable Object value, String where) {
		if (value == null) {
			throw new IllegalArgumentException(where + ": no value");
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> {
				if (!(key instanceof String name)) {
					throw new IllegalArgumentException(where + ": keys must be text");
				}
				requirePlainData(item, where + "." + name);
			});
		}
		else if (value instanceof List<?> list) {
			list.forEach((item) -> requirePlainData(item, where + "[]"));
		}
		else if (!(value instanceof String || value instanceof Integer || value instanceof Long
				|| value instanceof Double || value instanceof Boolean)) {
			throw new IllegalArgumentException(where + ": not plain data (" + value.getClass().getSimpleName() + ")");
		}
	}

}
