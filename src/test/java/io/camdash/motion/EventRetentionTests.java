package io.camdash.motion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention removes the oldest events first and never a photo taken by hand. */
class EventRetentionTests {

	@TempDir
	Path dir;

	@Test
	void eventsOlderThanTheMaximumAgeGoAndPhotosStay() throws Exception {
		Path old = event("door", "2026-11-01", "door_20261101-080000-000-motion", 1000);
		Path recent = event("door", "2026-11-28", "door_20261128-080000-000-motion", 1000);
		Path photo = file("door/2026-11-01/door_20261101-080000-000.jpg", 1000);
		EventRetention retention = retention(7, DataSize.ofBytes(0));
		List<String> removed = retention.apply(LocalDate.parse("2026-11-29"));
		assertThat(removed).containsExactly("door_20261101-080000-000-motion");
		assertThat(old.resolveSibling("door_20261101-080000-000-motion.mp4")).doesNotExist();
		assertThat(old).doesNotExist();
		assertThat(recent).exists();
		assertThat(photo).exists();
		retention.destroy();
	}

	@Test
	void overTheMaximumSizeTheOldestEventsGoUntilTheRestFits() throws Exception {
		event("door", "2026-11-27", "door_20261127-080000-000-motion", 1000);
		event("yard", "2026-11-28", "yard_20261128-070000-000-motion", 1000);
		event("door", "2026-11-28", "door_20261128-090000-000-motion", 1000);
		Path photo = file("door/2026-11-27/door_20261127-070000-000.jpg", 50_000);
		EventRetention retention = retention(0, DataSize.ofBytes(3500));
		assertThat(retention.apply(LocalDate.parse("2026-11-29"))).containsExactly("door_20261127-080000-000-motion",
				"yard_20261128-070000-000-motion");
		assertThat(this.dir.resolve("door/2026-11-28/door_20261128-090000-000-motion.mp4")).exists();
		assertThat(photo).exists();
		retention.destroy();
	}

	private EventRetention retention(int maxDays, DataSize maxSize) throws Exception {
		EventFiles files = new EventFiles(
				new io.camdash.pictures.PicturesProperties(this.dir, this.dir.resolve(".cache"), 320, 48),
				JsonMapper.builder().build());
		return new EventRetention(files,
				new MotionProperties(new MotionProperties.Webhook(null, Duration.ofSeconds(1), 0, 10),
						new MotionProperties.Retention(maxDays, maxSize, Duration.ofDays(1)), 10));
	}

	/** An event's three files: picture, clip and record, about 3 × size bytes. */
	private Path event(String camera, String day, String id, int size) throws Exception {
		file(camera + "/" + day + "/" + id + ".mp4", size);
		file(camera + "/" + day + "/" + id + ".json", size);
		return file(camera + "/" + day + "/" + id + ".jpg", size);
	}

	private Path file(String name, int size) throws Exception {
		Path file = this.dir.resolve(name);
		Files.createDirectories(file.getParent());
		Files.write(file, new byte[size]);
		return file;
	}

}
