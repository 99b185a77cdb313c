package io.camdash.settings;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.json.JsonParserFactory;

/**
 * Every setting camdash knows under {@code camdash.*}: the names the configuration
 * processor wrote at build time from the property records, and, for the elements of a
 * list such as {@code camdash.cameras[]} (which the processor does not describe), the
 * components of the element's record. Names compare in Spring Boot's relaxed form, so
 * {@code jpegQuality}, {@code jpeg-quality} and {@code jpeg_quality} are one name; any
 * key is allowed below a map ({@code camera-tokens.door}).
 */
final class KnownSettings {

	static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final Pattern COLLECTION = Pattern.compile("java\\.util\\.(?:List|Set|Collection)<(.+)>");

	/**
	 * Known names in uniform form ({@code camdash.cameras[].jpegquality}) to their shown
	 * form.
	 */
	private final Map<String, String> names = new LinkedHashMap<>();

	/** Uniform names of maps: any key below them is known. */
	private final Set<String> maps = new HashSet<>();

	/** Uniform names of groups (the parents of known names). */
	private final Set<String> groups = new HashSet<>();

	private final ClassLoader classLoader;

	private KnownSettings(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * The settings described by every configuration metadata file on the class path; null
	 * when camdash's own is missing (a build without the configuration processor), so
	 * nothing can be checked.
	 */
	static @Nullable KnownSettings load(ClassLoader classLoader) {
		KnownSettings known = new KnownSettings(classLoader);
		try {
			Enumeration<URL> files = classLoader.getResources(METADATA);
			while (files.hasMoreElements()) {
				try (InputStream in = files.nextElement().openStream()) {
					String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					// Spring Boot's own files are large and hold no camdash name:
					// not parsed (a tenth of a second of every start).
					if (json.contains("\"camdash.")) {
						known.read(json);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read camdash's configuration metadata", ex);
		}
		return known.names.isEmpty() ? null : known;
	}

	/** Only the known names below one of these prefixes (shown form). */
	KnownSettings only(String prefix) {
		KnownSettings only = new KnownSettings(this.classLoader);
		String uniform = uniform(prefix);
		this.names.forEach((name, shown) -> {
			if (name.startsWith(uniform)) {
				only.add(shown);
			}
		});
		this.maps.stream().filter((name) -> name.startsWith(uniform)).forEach(only.maps::add);
		return only;
	}

	/** Whether camdash knows this name (or a group of names it knows). */
	boolean knows(ConfigurationPropertyName name) {
		StringBuilder shape = new StringBuilder();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			if (this.maps.contains(shape.toString())) {
				return true;
			}
			appendElement(shape, name, i);
		}
		String uniform = shape.toString();
		return this.names.containsKey(uniform) || this.groups.contains(uniform) || this.maps.contains(uniform);
	}

	/**
	 * The known name nearest to this one (fewest letters to change), with this one's list
	 * indexes, or null when none is known.
	 */
	@Nullable String nearest(ConfigurationPropertyName name) {
		StringBuilder shape = new StringBuilder();
		List<String> indexes = new ArrayList<>();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			appendElement(shape, name, i);
			if (name.isNumericIndex(i)) {
				indexes.add(name.getElement(i, Form.ORIGINAL));
			}
		}
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (Map.Entry<String, String> known : this.names.entrySet()) {
			int distance = distance(shape.toString(), known.getKey());
			if (distance < bestDistance) {
				best = known.getValue();
				bestDistance = distance;
			}
		}
		if (best == null) {
			return null;
		}
		StringBuilder shown = new StringBuilder();
		int next = 0;
		Matcher index = Pattern.compile("\\[]").matcher(best);
		while (index.find()) {
			index.appendReplacement(shown, "[" + ((next < indexes.size()) ? indexes.get(next++) : "0") + "]");
		}
		index.appendTail(shown);
		return shown.toString();
	}

	private void read(String json) {
		Object properties = JsonParserFactory.getJsonParser().parseMap(json).get("properties");
		if (!(properties instanceof List<?> list)) {
			return;
		}
		for (Object item : list) {
			if (item instanceof Map<?, ?> property && property.get("name") instanceof String name
					&& name.startsWith("camdash.") && property.get("type") instanceof String type) {
				addProperty(name, type);
			}
		}
	}

	private void addProperty(String name, String type) {
		Matcher collection = COLLECTION.matcher(type);
		if (collection.matches()) {
			Class<?> element = load(collection.group(1));
			if (element != null && isGroup(element)) {
				addRecord(name + "[]", element);
			}
			else {
				addList(name);
			}
		}
		else if (type.startsWith("java.util.Map<")) {
			addMap(name);
		}
		else if (type.endsWith("[]")) {
			addList(name);
		}
		else {
			add(name);
		}
	}

	/** A record's components, nested records and lists of records included. */
	private void addRecord(String prefix, Class<?> record) {
		for (RecordComponent component : record.getRecordComponents()) {
			String name = prefix + "." + kebab(component.getName());
			Class<?> type = component.getType();
			if (isGroup(type)) {
				addRecord(name, type);
			}
			else if (Collection.class.isAssignableFrom(type)) {
				Class<?> element = typeArgument(component.getGenericType());
				if (element != null && isGroup(element)) {
					addRecord(name + "[]", element);
				}
				else {
					addList(name);
				}
			}
			else if (Map.class.isAssignableFrom(type)) {
				addMap(name);
			}
			else if (type.isArray()) {
				addList(name);
			}
			else {
				add(name);
			}
		}
	}

	/** A list of values: {@code name: a,b} or {@code name[0]: a}. */
	private void addList(String name) {
		add(name);
		add(name + "[]");
	}

	private void addMap(String name) {
		add(name);
		this.maps.add(uniform(name));
	}

	private void add(String name) {
		String uniform = uniform(name);
		this.names.put(uniform, name);
		for (int i = 1; i < uniform.length(); i++) {
			char c = uniform.charAt(i);
			if (c == '.' || c == '[') {
				this.groups.add(uniform.substring(0, i));
			}
		}
	}

	/**
	 * A record of camdash's bound field by field; one that Spring converts from text (a
	 * static {@code of}, {@code valueOf} or {@code from} taking a string, such as a
	 * camera's source) is a single value.
	 */
	private static boolean isGroup(Class<?> type) {
		if (!type.isRecord() || !type.getName().startsWith("io.camdash.")) {
			return false;
		}
		for (String factory : List.of("of", "valueOf", "from")) {
			try {
				if (Modifier.isStatic(type.getMethod(factory, String.class).getModifiers())) {
					return false;
				}
			}
			catch (NoSuchMethodException ex) {
				// not this one
			}
		}
		return true;
	}

	private @Nullable Class<?> load(String className) {
		try {
			return Class.forName(className, false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	private static @Nullable Class<?> typeArgument(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1) {
			Type argument = parameterized.getActualTypeArguments()[0];
			if (argument instanceof Class<?> element) {
				return element;
			}
			if (argument instanceof ParameterizedType nested && nested.getRawType() instanceof Class<?> raw) {
				return raw;
			}
		}
		return null;
	}

	private static void appendElement(StringBuilder shape, ConfigurationPropertyName name, int i) {
		if (name.isNumericIndex(i)) {
			shape.append("[]");
		}
		else {
			if (i > 0) {
				shape.append('.');
			}
			shape.append(uniformElement(name.getElement(i, Form.ORIGINAL)));
		}
	}

	/** Lower case, letters and digits only, "[]" and "." kept: Boot's relaxed names. */
	static String uniform(String name) {
		StringBuilder uniform = new StringBuilder();
		for (String part : name.split("\\.", -1)) {
			if (!uniform.isEmpty()) {
				uniform.append('.');
			}
			boolean list = part.endsWith("[]");
			uniform.append(uniformElement(list ? part.substring(0, part.length() - 2) : part));
			if (list) {
				uniform.append("[]");
			}
		}
		return uniform.toString().replace("[].[]", "[][]");
	}

	private static String uniformElement(String element) {
		return element.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	private static String kebab(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/** Levenshtein distance: letters inserted, removed or changed to turn a into b. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int change = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
