package io.camdash.support;

import java.time.Duration;

import io.camdash.camera.StreamingProperties;

import org.springframework.util.unit.DataSize;

/**
 * Streaming settings for cameras run without Spring: the defaults, at most 10 viewers.
 */
public final class TestStreamingProperties {

	private TestStreamingProperties() {
	}

	public static StreamingProperties tenViewers() {
		return new StreamingProperties(10, 10, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(5),
				DataSize.ofKilobytes(64), new StreamingProperties.Reduced(true, 640, 50, Duration.ofSeconds(2),
						Duration.ofSeconds(10), DataSize.ofKilobytes(4)));
	}

}
