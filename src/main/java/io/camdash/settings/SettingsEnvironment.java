package io.camdash.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camdash.security.SecuritySettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Runs once the configuration is read ({@code application.yaml}, arguments, system
 * properties), before any bean exists: fails start-up on a {@code camdash.*} name camdash
 * does not know, naming it, where it stands and the nearest known name, so a typo is
 * never silently ignored; then reads the settings file and adds its cameras after those
 * of the configuration, as if listed there, so they are bound and validated by the same
 * property records. Environment variables are not checked: a {@code CAMDASH_...} variable
 * may belong to a start script rather than to camdash.
 */
class SettingsEnvironment implements EnvironmentPostProcessor, Ordered {

	/** The property source holding the configuration's cameras followed by the file's. */
	static final String CAMERAS_SOURCE = "camdash cameras (configuration, then settings file)";

	private static final ConfigurationPropertyName CAMDASH = ConfigurationPropertyName.of("camdash");

	private static final ConfigurationPropertyName CAMERAS = ConfigurationPropertyName.of("camdash.cameras");

	/** The sections of the settings file: what the settings pages change. */
	private static final String FILE_SECTIONS = "camdash.cameras";

	/**
	 * Sections of the settings file that security reads and checks itself when it starts
	 * (users made in the browser, camera tokens): their entries are no {@code camdash.*}
	 * names.
	 */
	private static final List<String> SECURITY_SECTIONS = List.of("users[", "camera-tokens[");

	private static final String PLACEHOLDER = "${";

	private static final Pattern FILE_CAMERA = Pattern.compile("cameras\\[(\\d+)](.*)");

	private static final String ACTION = "Correct the name or remove the setting; the README's Configuration "
			+ "section lists every camdash setting.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		KnownSettings known = KnownSettings.load(Objects.requireNonNull(application.getClassLoader()));
		if (known != null) {
			checkNames(environment, known);
		}
		Path dataFolder = Binder.get(environment)
			.bind("camdash.security.data-folder", Path.class)
			.orElse(Path.of(SecuritySettings.DEFAULT_DATA_FOLDER));
		SettingsFile file = new SettingsFile(dataFolder);
		file.read().ifPresent((settings) -> {
			if (known != null) {
				checkFileNames(settings, known.only(FILE_SECTIONS));
			}
			addCameras(environment, settings);
		});
	}

	private static void checkNames(ConfigurableEnvironment environment, KnownSettings known) {
		List<String> unknown = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource names
					&& !(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource)) {
				names.stream()
					.filter(CAMDASH::isAncestorOf)
					.filter((name) -> !known.knows(name))
					.forEach((name) -> unknown
						.add(describe(name.toString(), origin(source, name), known.nearest(name))));
			}
		}
		if (!unknown.isEmpty()) {
			throw new BadSettingsException(
					((unknown.size() == 1) ? "camdash has no such setting: " : "camdash has no such settings:\n\t")
							+ String.join("\n\t", unknown),
					ACTION);
		}
	}

	private static void checkFileNames(OriginTrackedMapPropertySource settings, KnownSettings known) {
		List<String> unknown = new ArrayList<>();
		for (String key : settings.getPropertyNames()) {
			ConfigurationPropertyName name = ConfigurationPropertyName.adapt("camdash." + key, '.');
			if (SECURITY_SECTIONS.stream().noneMatch(key::startsWith) && !known.knows(name)) {
				String nearest = known.nearest(name);
				unknown.add(describe(key, settings.getOrigin(key),
						(nearest != null) ? nearest.substring("camdash.".length()) : null));
			}
		}
		if (!unknown.isEmpty()) {
			throw new BadSettingsException(
					"The settings file holds " + ((unknown.size() == 1) ? "a name that is not one of its settings: "
							: "names that are not among its settings: ") + String.join("; ", unknown),
					"Correct the name or remove it; the settings file holds cameras, "
							+ "with the names of camdash.cameras[] in the README, users and camera-tokens.");
		}
	}

	private static String describe(String name, @Nullable Origin origin, @Nullable String nearest) {
		return "'" + name + "'" + ((origin != null) ? " (" + origin + ")" : "")
				+ ((nearest != null) ? ", did you mean '" + nearest + "'?" : "");
	}

	private static @Nullable Origin origin(ConfigurationPropertySource source, ConfigurationPropertyName name) {
		ConfigurationProperty property = source.getConfigurationProperty(name);
		return (property != null) ? property.getOrigin() : null;
	}

	/**
	 * Spring binds a list from the first source holding any of its elements, so the
	 * configuration's cameras and the file's are put together into one source ahead of
	 * all others.
	 */
	private static void addCameras(ConfigurableEnvironment environment, OriginTrackedMapPropertySource settings) {
		Map<String, Object> cameras = new LinkedHashMap<>();
		Map<String, String> configuredIds = new LinkedHashMap<>();
		int configured = 0;
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource names
					&& names.stream().anyMatch(CAMERAS::isAncestorOf)) {
				for (ConfigurationPropertyName name : names.stream().filter(CAMERAS::isAncestorOf).toList()) {
					ConfigurationProperty property = Objects.requireNonNull(names.getConfigurationProperty(name));
					cameras.put(name.toString(), OriginTrackedValue.of(property.getValue(), property.getOrigin()));
					if (name.getNumberOfElements() > 2 && name.isNumericIndex(2)) {
						configured = Math.max(configured, Integer.parseInt(name.getElement(2, Form.ORIGINAL)) + 1);
						if (name.getNumberOfElements() == 4 && name.getElement(3, Form.UNIFORM).equals("id")) {
							configuredIds.put(String.valueOf(property.getValue()),
									String.valueOf(property.getOrigin()));
						}
					}
				}
				break;
			}
		}
		int fileCameras = 0;
		for (String key : settings.getPropertyNames()) {
			Matcher camera = FILE_CAMERA.matcher(key);
			if (!camera.matches()) {
				continue;
			}
			int index = Integer.parseInt(camera.group(1));
			fileCameras = Math.max(fileCameras, index + 1);
			Object value = settings.getSource().get(key);
			if (camera.group(2).equals(".id") && configuredIds.containsKey(String.valueOf(settings.getProperty(key)))) {
				throw new BadSettingsException(
						"The settings file's camera '" + settings.getProperty(key) + "' (" + settings.getOrigin(key)
								+ ") has the id of a camera in the configuration ("
								+ configuredIds.get(String.valueOf(settings.getProperty(key))) + ").",
						"Give one of them another id: each camera needs its own.");
			}
			cameras.put("camdash.cameras[" + (configured + index) + "]" + camera.group(2), literal(value));
		}
		if (fileCameras > 0) {
			environment.getPropertySources()
				.addFirst(new OriginTrackedMapPropertySource(CAMERAS_SOURCE, cameras, true));
		}
	}

	/**
	 * A value of the file as it is written: Spring resolves {@code ${...}} in property
	 * values, which would let a camera's name show another setting (a password), so the
	 * placeholder is escaped.
	 */
	private static Object literal(Object value) {
		if (value instanceof OriginTrackedValue tracked && tracked.getValue() instanceof CharSequence text
				&& text.toString().contains(PLACEHOLDER)) {
			return OriginTrackedValue.of(text.toString().replace(PLACEHOLDER, "\\" + PLACEHOLDER), tracked.getOrigin());
		}
		return value;
	}

	/** After the configuration files are read. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
