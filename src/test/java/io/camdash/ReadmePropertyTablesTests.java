package io.camdash;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.DefaultValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's property tables cannot drift from the code: every {@code camdash.*}
 * property the configuration processor found (from the records' Javadoc and
 * {@code @DefaultValue}s) has a row with the same default, and every row names a real
 * property. Elements of a list ({@code camdash.cameras[]}, {@code users[]}) are read from
 * their record, which the processor does not describe.
 */
class ReadmePropertyTablesTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Pattern SECTION = Pattern.compile("^### `(camdash\\.[^`]+)`\\s*$");

	private static final Pattern ROW = Pattern.compile("^\\| *(`[^|]+`) *\\| *([^|]+?) *\\|");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	/** Property name to its default as the code has it (null: no default). */
	private static final Map<String, String> code = new LinkedHashMap<>();

	/** Property name to the README's default cell. */
	private static final Map<String, String> readme = new LinkedHashMap<>();

	private static final Map<String, String> descriptions = new LinkedHashMap<>();

	@BeforeAll
	static void read() throws Exception {
		JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(METADATA));
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (!name.startsWith("camdash.")) {
				continue;
			}
			descriptions.put(name, property.has("description") ? property.get("description").asString() : "");
			String type = property.get("type").asString();
			Class<?> element = listElement(type);
			if (element != null) {
				addRecord(name + "[]", element);
			}
			else {
				code.put(name, property.has("defaultValue") ? property.get("defaultValue").asString() : null);
			}
		}
		readReadme();
	}

	@Test
	void everyPropertyIsDocumentedInItsRecord() {
		assertThat(descriptions).as("camdash.* properties without Javadoc")
			.allSatisfy((name, description) -> assertThat(description).as(name).isNotBlank());
	}

	@Test
	void everyPropertyHasARowInTheReadme() {
		assertThat(code).isNotEmpty();
		assertThat(readme.keySet()).as("README rows").containsAll(code.keySet());
	}

	@Test
	void everyRowInTheReadmeIsAProperty() {
		assertThat(code.keySet()).as("properties in the code").containsAll(readme.keySet());
	}

	@Test
	void theReadmeGivesEachPropertyItsDefault() {
		code.forEach((name, value) -> {
			String cell = readme.get(name);
			if (cell == null) {
				return; // reported by everyPropertyHasARowInTheReadme
			}
			if (value == null) {
				assertThat(cell).as("%s has no default: its README cell says why in words", name).doesNotContain("`");
			}
			else {
				assertThat(cell).as("README default of %s", name).isEqualTo("`" + value + "`");
			}
		});
	}

	/**
	 * The element type of a {@code java.util.List<io.camdash...>} property, else null.
	 */
	private static Class<?> listElement(String type) throws ClassNotFoundException {
		Matcher list = Pattern.compile("java\\.util\\.List<(io\\.camdash\\.[\\w.$]+)>").matcher(type);
		return list.matches() ? Class.forName(list.group(1)) : null;
	}

	/** A record's components as properties, nested records with a default included. */
	private static void addRecord(String prefix, Class<?> record) throws NoSuchMethodException {
		RecordComponent[] components = record.getRecordComponents();
		Constructor<?> constructor = record
			.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
		Parameter[] parameters = constructor.getParameters();
		for (int i = 0; i < components.length; i++) {
			String name = prefix + "." + kebab(components[i].getName());
			DefaultValue defaultValue = parameters[i].getAnnotation(DefaultValue.class);
			Class<?> type = components[i].getType();
			if (type.isRecord() && defaultValue != null && defaultValue.value().length == 0) {
				addRecord(name, type);
			}
			else if (type == List.class && components[i].getGenericType() instanceof ParameterizedType list
					&& list.getActualTypeArguments()[0] instanceof Class<?> element
					&& element.getName().startsWith("io.camdash.")) {
				addRecord(name + "[]", element);
			}
			else {
				code.put(name, (defaultValue != null) ? String.join(",", defaultValue.value()) : null);
			}
		}
	}

	private static String kebab(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
	}

	private static void readReadme() throws IOException {
		String section = null;
		for (String line : Files.readAllLines(Path.of("README.md"))) {
			Matcher heading = SECTION.matcher(line);
			if (heading.matches()) {
				section = heading.group(1);
				continue;
			}
			if (line.startsWith("#")) {
				section = null;
			}
			Matcher row = ROW.matcher(line);
			if (section != null && row.find()) {
				Matcher keys = CODE.matcher(row.group(1));
				while (keys.find()) {
					// A map's key stands in braces: camera-tokens.{id} is camera-tokens.
					String key = keys.group(1).replaceAll("\\.\\{[^}]+}$", "");
					readme.put(section + "." + key, row.group(2).trim());
				}
			}
		}
	}

}
