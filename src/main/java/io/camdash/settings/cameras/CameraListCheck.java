package io.camdash.settings.cameras;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.camdash.camera.CameraSettings;
import io.camdash.camera.CamerasProperties;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Checks a list of the settings file's cameras with the rules camdash starts with: the
 * configuration's cameras and these, as one {@code camdash.cameras[]} list, are bound to
 * every {@code @ConfigurationProperties("camdash")} record that reads the cameras (the
 * cameras', motion's, publishing's), validated by their annotations and constructors.
 * Nothing here repeats a rule.
 * <p>
 * The file's values are bound without resolving {@code ${...}}: a name never shows
 * another setting.
 */
final class CameraListCheck {

	private static final ConfigurationPropertyName CAMERAS = ConfigurationPropertyName.of("camdash.cameras");

	private static final Pattern CAMERA_PREFIX = Pattern.compile("^(camdash\\.)?cameras\\[\\d+]\\.?");

	/** The configuration's cameras: each one's properties, names below its index. */
	private final List<Map<String, Object>> configured;

	private final List<Bindable<?>> targets;

	private final SpringValidatorAdapter validator;

	CameraListCheck(ApplicationContext context, ConfigurableEnvironment environment, Set<String> fileIdsAtStart,
			Validator validator) {
		this.configured = configuredCameras(environment, fileIdsAtStart);
		this.targets = ConfigurationPropertiesBean.getAll(context)
			.values()
			.stream()
			.filter((bean) -> bean.getAnnotation().prefix().equals("camdash")
					|| bean.getAnnotation().value().equals("camdash"))
			.map((bean) -> bean.asBindTarget().getType().resolve())
			.filter((type) -> type != null && readsCameras(type))
			.<Bindable<?>>map(Bindable::of)
			.toList();
		this.validator = new SpringValidatorAdapter(validator);
	}

	private static boolean readsCameras(Class<?> type) {
		return type.isRecord() && Arrays.stream(type.getRecordComponents())
			.anyMatch((component) -> component.getName().equals("cameras"));
	}

	/**
	 * How many cameras come from the configuration (they come first in display order).
	 */
	int configuredCount() {
		return this.configured.size();
	}

	/**
	 * The whole list of cameras with these from the file.
	 * @throws InvalidCamerasException naming each problem in words
	 */
	Checked check(List<Map<String, Object>> fileCameras) {
		Map<String, Object> properties = new LinkedHashMap<>();
		int index = 0;
		for (Map<String, Object> camera : this.configured) {
			int at = index++;
			camera.forEach((name, value) -> properties.put("camdash.cameras[" + at + "]" + name, value));
		}
		for (Map<String, Object> camera : fileCameras) {
			flatten("camdash.cameras[" + index++ + "]", camera, properties);
		}
		Binder binder = new Binder(new MapConfigurationPropertySource(properties));
		List<String> problems = new ArrayList<>();
		CamerasProperties cameras = null;
		for (Bindable<?> target : this.targets) {
			try {
				Object bound = binder.bindOrCreate("camdash", target,
						new ValidationBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler(), this.validator));
				if (bound instanceof CamerasProperties found) {
					cameras = found;
				}
			}
			catch (BindException ex) {
				problems.addAll(problems(ex));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidCamerasException(problems.stream().distinct().toList());
		}
		return new Checked(Objects.requireNonNull(cameras, "camdash's camera properties").cameras(), binder);
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, @Nullable Object value, Map<String, Object> into) {
		if (value instanceof Map<?, ?> map) {
			((Map<String, Object>) map).forEach((key, item) -> flatten(prefix + "." + key, item, into));
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), into);
			}
		}
		else if (value != null) {
			into.put(prefix, value);
		}
	}

	/** Each problem as "field: what is wrong", without a Java class name. */
	private static List<String> problems(BindException ex) {
		List<String> problems = new ArrayList<>();
		if (ex.getCause() instanceof BindValidationException validation) {
			for (ObjectError error : validation.getValidationErrors().getAllErrors()) {
				String field = (error instanceof FieldError fieldError) ? shortName(fieldError.getField()) : null;
				String message = Objects.requireNonNullElse(error.getDefaultMessage(), "not valid");
				problems.add((field != null && !field.isEmpty()) ? field + ": " + message : message);
			}
			return problems;
		}
		String field = (ex.getProperty() != null) ? shortName(ex.getProperty().getName().toString())
				: shortName(ex.getName().toString());
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		String message = root.getMessage();
		if (message == null || message.contains("java.") || message.contains("Exception")
				|| root instanceof NumberFormatException) {
			Object value = (ex.getProperty() != null) ? ex.getProperty().getValue() : null;
			message = (value != null) ? "'" + value + "' is not a valid value" : "not a valid value";
		}
		else {
			message = CAMERA_PREFIX.matcher(message).replaceFirst("");
		}
		problems.add(field.isEmpty() ? message : field + ": " + message);
		return problems;
	}

	private static String shortName(String name) {
		return CAMERA_PREFIX.matcher(name).replaceFirst("");
	}

	/**
	 * The configuration's cameras as they were read at start: from the source holding
	 * {@code camdash.cameras[]} (which also holds the file's cameras at start, left out
	 * here), placeholders resolved.
	 */
	private static List<Map<String, Object>> configuredCameras(ConfigurableEnvironment environment,
			Set<String> fileIdsAtStart) {
		Map<Integer, Map<String, Object>> byIndex = new TreeMap<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource names
					&& names.stream().anyMatch(CAMERAS::isAncestorOf)) {
				for (ConfigurationPropertyName name : names.stream().filter(CAMERAS::isAncestorOf).toList()) {
					if (name.getNumberOfElements() < 4 || !name.isNumericIndex(2)) {
						continue;
					}
					int index = Integer.parseInt(name.getElement(2, Form.ORIGINAL));
					ConfigurationProperty property = Objects.requireNonNull(names.getConfigurationProperty(name));
					Object value = property.getValue();
					if (value instanceof OriginTrackedValue tracked) {
						value = tracked.getValue();
					}
					if (value instanceof String text) {
						value = environment.resolvePlaceholders(text);
					}
					String below = name.toString().substring(name.chop(3).toString().length());
					byIndex.computeIfAbsent(index, (i) -> new LinkedHashMap<>()).put(below, value);
				}
				break;
			}
		}
		return byIndex.values()
			.stream()
			.filter((camera) -> !fileIdsAtStart.contains(String.valueOf(camera.get(".id"))))
			.toList();
	}

	/**
	 * The whole list, checked, and a binder of it for the sections other packages own.
	 */
	record Checked(List<CameraSettings> cameras, Binder binder) {
	}

}
