package io.camdash.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saves two versions of a large settings file in turn until it is killed, printing a line
 * after each save: the process {@link SettingsFileCrashTests} kills.
 */
public final class SettingsFileWriter {

	static final int CAMERAS = 500;

	static final String OLD = "old";

	static final String NEW = "new";

	private SettingsFileWriter() {
	}

	public static void main(String[] args) {
		SettingsFile file = new SettingsFile(Path.of(args[0]));
		for (long i = 0;; i++) {
			String id = (i % 2 == 0) ? OLD : NEW;
			List<Map<String, Object>> cameras = new ArrayList<>();
			for (int c = 0; c < CAMERAS; c++) {
				cameras.add(Map.of("id", id, "source", "rtsp://192.0.2." + (c % 250) + "/stream-" + i));
			}
			file.write(Map.of("cameras", cameras));
			System.out.println("saved " + i);
		}
	}

}
