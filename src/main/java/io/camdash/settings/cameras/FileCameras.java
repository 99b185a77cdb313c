package io.camdash.settings.cameras;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.camdash.camera.CameraRegistry;
import io.camdash.camera.CameraSettings;
import io.camdash.camera.source.SourceSpec;
import io.camdash.settings.SettingsFile;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Service;

/**
 * The cameras of the settings file, as the settings pages change them: each change is
 * checked with the start-up rules ({@link CameraListCheck}), written to the file, then
 * applied to the running cameras ({@link CameraRegistry#apply}), one change at a time. A
 * change that fails its check changes nothing; one that cannot be written is not applied.
 * Each change is logged (who, what, which camera; a source only masked).
 */
@Service
class FileCameras {

	/** The settings file's section holding the cameras. */
	static final String SECTION = "cameras";

	private static final Logger log = LoggerFactory.getLogger(FileCameras.class);

	private final SettingsFile file;

	private final CameraRegistry registry;

	private final CameraListCheck check;

	/** The file's cameras as plain data, in order; guarded by this. */
	private List<Map<String, Object>> cameras;

	FileCameras(SettingsFile file, CameraRegistry registry, ApplicationContext context,
			ConfigurableEnvironment environment, Validator validator) {
		this.file = file;
		this.registry = registry;
		this.cameras = read(file);
		Set<String> ids = this.cameras.stream()
			.map((camera) -> String.valueOf(camera.get("id")))
			.collect(Collectors.toUnmodifiableSet());
		this.check = new CameraListCheck(context, environment, ids, validator);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> read(SettingsFile file) {
		List<Map<String, Object>> cameras = new ArrayList<>();
		if (file.readData().get(SECTION) instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> map) {
					cameras.add(new LinkedHashMap<>((Map<String, Object>) map));
				}
			}
		}
		return cameras;
	}

	/** The ids of the file's cameras, in order. */
	synchronized List<String> ids() {
		return this.cameras.stream().map((camera) -> String.valueOf(camera.get("id"))).toList();
	}

	/** One camera of the file, as plain data. */
	synchronized Optional<Map<String, Object>> find(String id) {
		return this.cameras.stream().filter((camera) -> id.equals(String.valueOf(camera.get("id")))).findFirst();
	}

	/**
	 * Checks a camera as it would be added, without changing anything; its settings as
	 * bound.
	 */
	synchronized CameraSettings checkNew(Map<String, Object> camera) {
		List<Map<String, Object>> next = new ArrayList<>(this.cameras);
		next.add(camera);
		return settingsOf(this.check.check(next), camera);
	}

	/** Checks a changed camera without changing anything; its settings as bound. */
	synchronized CameraSettings checkChange(String id, Map<String, Object> camera) {
		List<Map<String, Object>> next = new ArrayList<>(this.cameras);
		next.set(indexOf(id), camera);
		return settingsOf(this.check.check(next), camera);
	}

	private static CameraSettings settingsOf(CameraListCheck.Checked checked, Map<String, Object> camera) {
		String id = String.valueOf(camera.get("id"));
		return checked.cameras()
			.stream()
			.filter((settings) -> settings.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("camera '" + id + "' not bound"));
	}

	synchronized void add(String user, Map<String, Object> camera) throws InterruptedException {
		List<Map<String, Object>> next = new ArrayList<>(this.cameras);
		next.add(camera);
		save(next);
		audit(user, "added", camera);
	}

	synchronized void change(String user, String id, Map<String, Object> camera) throws InterruptedException {
		List<Map<String, Object>> next = new ArrayList<>(this.cameras);
		next.set(indexOf(id), camera);
		save(next);
		audit(user, "changed", camera);
	}

	synchronized void remove(String user, String id) throws InterruptedException {
		List<Map<String, Object>> next = new ArrayList<>(this.cameras);
		Map<String, Object> removed = next.remove(indexOf(id));
		save(next);
		audit(user, "removed", removed);
	}

	/** Moves a camera one place up ({@code -1}) or down ({@code 1}) among the file's. */
	synchronized void move(String user, String id, int by) throws InterruptedException {
		int from = indexOf(id);
		int to = from + by;
		if (to < 0 || to >= this.cameras.size()) {
			return;
		}
		List<Map<String, Object>> next = new ArrayList<>(this.cameras);
		next.add(to, next.remove(from));
		save(next);
		log.info("Settings: {} moved camera '{}' {}", user, id, (by < 0) ? "up" : "down");
	}

	private int indexOf(String id) {
		List<String> ids = ids();
		int index = ids.indexOf(id);
		if (index < 0) {
			throw new IllegalArgumentException("no camera '" + id + "' in the settings file");
		}
		return index;
	}

	/** Checked, written, then applied: the file never holds what camdash would refuse. */
	private void save(List<Map<String, Object>> next) throws InterruptedException {
		CameraListCheck.Checked checked = this.check.check(next);
		this.file.writeSection(SECTION, next);
		this.cameras = next;
		// The configuration's cameras run as they are: only the file's can change.
		List<CameraSettings> wanted = new ArrayList<>();
		Set<String> fileIds = Set.copyOf(ids());
		for (CameraSettings camera : checked.cameras()) {
			wanted.add(fileIds.contains(camera.id()) ? camera
					: this.registry.find(camera.id()).map((running) -> running.settings()).orElse(camera));
		}
		this.registry.apply(wanted, checked.binder());
	}

	private static void audit(String user, String what, Map<String, Object> camera) {
		log.info("Settings: {} {} camera '{}' (source {})", user, what, camera.get("id"),
				maskedSource(camera.get("source")));
	}

	/** The source as an ADMIN may see it: user info and query values masked. */
	static String maskedSource(@org.jspecify.annotations.Nullable Object source) {
		if (source == null) {
			return "test-pattern";
		}
		try {
			return SourceSpec.of(source.toString()).describe();
		}
		catch (IllegalArgumentException ex) {
			return "(not valid)";
		}
	}

}
