package io.camdash.live;

import java.time.Duration;
import java.util.Optional;

import io.camdash.camera.StreamingProperties;

import org.springframework.stereotype.Component;

/** Opens {@link Mp4Feed}s: a camera's live H.264 for consumers inside camdash. */
@Component
public class Mp4Feeds {

	private final LiveStreams streams;

	private final LiveProperties properties;

	private final Duration writeTimeout;

	Mp4Feeds(LiveStreams streams, LiveProperties properties, StreamingProperties streaming) {
		this.streams = streams;
		this.properties = properties;
		this.writeTimeout = streaming.writeTimeout();
	}

	/** A feed of the camera's H.264, or empty when there is no such camera. */
	public Optional<Mp4Feed> open(String cameraId) {
		return this.streams.find(cameraId).map((stream) -> new Mp4Feed(stream, this.properties, this.writeTimeout));
	}

}
