package io.camdash.support;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * DEBUG logging for one logger while a test needs it, without a Spring context of its own
 * for a {@code logging.level} property: {@code try (var debug =
 * DebugLogging.on("io.camdash")) { ... }}.
 */
public final class DebugLogging implements AutoCloseable {

	private final LoggingSystem system = LoggingSystem.get(DebugLogging.class.getClassLoader());

	private final String logger;

	private DebugLogging(String logger) {
		this.logger = logger;
		this.system.setLogLevel(logger, LogLevel.DEBUG);
	}

	public static DebugLogging on(String logger) {
		return new DebugLogging(logger);
	}

	/** Back to the level the logger inherits. */
	@Override
	public void close() {
		this.system.setLogLevel(this.logger, null);
	}

}
