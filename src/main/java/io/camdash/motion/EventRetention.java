package io.camdash.motion;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps motion pictures and clips within {@code camdash.motion.retention}: a background
 * task (at start, then every interval) removes events older than the maximum age, then
 * the oldest events until all of them fit the maximum size, and logs what it removed.
 * Only files named as an event's ({@code <camera>_<time>-motion.jpg|mp4|json}) are ever
 * touched: photos taken by hand are never removed.
 */
@Component
class EventRetention implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

	private static final Pattern EVENT_FILE = Pattern.compile("(" + EventFiles.ID.pattern() + ")\\.(jpg|mp4|json)");

	private final EventFiles files;

	private final MotionProperties.Retention settings;

	private final ScheduledExecutorService scheduler;

	private volatile boolean running;

	EventRetention(EventFiles files, MotionProperties properties) {
		this.files = files;
		this.settings = properties.retention();
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "camdash-motion-retention");
			thread.setDaemon(true);
			thread.setPriority(Thread.MIN_PRIORITY);
			return thread;
		});
	}

	/** Runs at once, then every interval, when there is a limit at all. */
	@Override
	public void start() {
		if (!this.running && (this.settings.maxDays() > 0 || this.settings.maxSize().toBytes() > 0)) {
			long period = this.settings.interval().toMillis();
			this.scheduler.scheduleWithFixedDelay(this::runSafely, 0, period, TimeUnit.MILLISECONDS);
		}
		this.running = true;
	}

	/**
	 * Runs go on until camdash ends; a run never leaves anything half done that matters.
	 */
	@Override
	public void stop() {
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void runSafely() {
		try {
			apply(LocalDate.now(this.files.zone()));
		}
		catch (RuntimeException ex) {
			log.warn("Motion retention failed: {}", ex.toString());
		}
	}

	/**
	 * Removes what is past the limits, as of {@code today}.
	 * @return the events removed
	 */
	List<String> apply(LocalDate today) {
		List<StoredEvent> events = scan();
		List<String> removed = new ArrayList<>();
		long total = events.stream().mapToLong(StoredEvent::bytes).sum();
		long maxBytes = this.settings.maxSize().toBytes();
		LocalDate oldestKept = today.minusDays(this.settings.maxDays());
		long freed = 0;
		for (StoredEvent event : events) {
			boolean tooOld = this.settings.maxDays() > 0 && event.day().isBefore(oldestKept);
			boolean tooBig = maxBytes > 0 && total > maxBytes;
			if (!tooOld && !tooBig) {
				// Oldest first: once one is kept, every newer one is too.
				break;
			}
			for (Path file : event.files()) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					log.warn("Motion retention could not remove {}: {}", file.getFileName(), ex.getMessage());
				}
			}
			total -= event.bytes();
			freed += event.bytes();
			removed.add(event.id());
		}
		if (!removed.isEmpty()) {
			log.info("Motion retention removed {} events ({} MB), oldest {}, newest {}", removed.size(),
					Math.round(freed / 1e5) / 10.0, removed.get(0), removed.get(removed.size() - 1));
		}
		return removed;
	}

	/** Every event on disk, oldest first. */
	private List<StoredEvent> scan() {
		Map<String, StoredEvent> events = new LinkedHashMap<>();
		for (String camera : this.files.cameras()) {
			Path cameraFolder = this.files.root().resolve(camera);
			try (DirectoryStream<Path> days = Files.newDirectoryStream(cameraFolder)) {
				for (Path day : days) {
					if (EventFiles.parseDay(day.getFileName().toString()) != null
							&& Files.isDirectory(day, LinkOption.NOFOLLOW_LINKS)) {
						scanDay(day, events);
					}
				}
			}
			catch (IOException ex) {
				log.debug("Cannot list {}: {}", cameraFolder, ex.toString());
			}
		}
		List<StoredEvent> sorted = new ArrayList<>(events.values());
		sorted.sort(Comparator.comparing(StoredEvent::start).thenComparing(StoredEvent::id));
		return sorted;
	}

	private void scanDay(Path day, Map<String, StoredEvent> events) throws IOException {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(day, "*" + EventFiles.SUFFIX + ".*")) {
			for (Path file : entries) {
				Matcher matcher = EVENT_FILE.matcher(file.getFileName().toString());
				if (!matcher.matches()) {
					continue;
				}
				BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
						LinkOption.NOFOLLOW_LINKS);
				if (!attributes.isRegularFile()) {
					continue;
				}
				String id = matcher.group(1);
				Instant start = LocalDateTime.parse(matcher.group(3), EventFiles.NAME_TIME)
					.atZone(this.files.zone())
					.toInstant();
				LocalDate date = LocalDate.ofInstant(start, this.files.zone());
				events.computeIfAbsent(day + "/" + id, (key) -> new StoredEvent(id, start, date, new ArrayList<>()))
					.add(file, attributes.size());
			}
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

	/** An event's files on disk. */
	private static final class StoredEvent {

		private final String id;

		private final Instant start;

		private final LocalDate day;

		private final List<Path> files;

		private long bytes;

		StoredEvent(String id, Instant start, LocalDate day, List<Path> files) {
			this.id = id;
			this.start = start;
			this.day = day;
			this.files = files;
		}

		void add(Path file, long size) {
			this.files.add(file);
			this.bytes += size;
		}

		String id() {
			return this.id;
		}

		Instant start() {
			return this.start;
		}

		List<Path> files() {
			return this.files;
		}

		long bytes() {
			return this.bytes;
		}

		LocalDate day() {
			return this.day;
		}

	}

}
