package io.camdash.camera;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How live streams are served, under {@code camdash.streaming}.
 *
 * @param maxViewers most viewers (MJPEG and H.264) served at once over all cameras; the
 * next one gets 503
 * @param maxViewersPerAddress most viewers (MJPEG and H.264) served at once to one client
 * address, so one client cannot take every place (the default is a 16-camera dashboard in
 * three tabs; behind a reverse proxy every viewer has the proxy's address: raise it
 * there)
 * @param writeTimeout a viewer (MJPEG or H.264) whose connection took nothing of what
 * waits for it for this long (a client that asked for a stream and stopped reading) is
 * dropped, and its place and thread freed
 * @param threadKeepAlive how long an idle streaming thread is kept for the next viewer
 * @param snapshotTimeout how long a still waits for a camera's first good frame before
 * 503
 * @param socketSendBuffer kernel send buffer of each connection while it gets full
 * frames: big enough to carry a 720p30 stream to a viewer 20 ms away (a connection
 * carries about 1.5 times it per round trip), small enough that a viewer on a slow link
 * is soon switched to reduced frames (frames it cannot take are skipped, not queued);
 * live H.264 pages' connections get it too
 * @param reduced smaller frames for viewers whose link cannot carry the full ones
 */
@ConfigurationProperties("camdash.streaming")
@Validated
public record StreamingProperties(@DefaultValue("200") @Min(1) @Max(5000) int maxViewers,
		@DefaultValue("50") @Min(1) @Max(5000) int maxViewersPerAddress,
		@DefaultValue("30s") @NotNull @DurationMin(millis = 100) Duration writeTimeout,
		@DefaultValue("10s") @NotNull @DurationMin(millis = 100) Duration threadKeepAlive,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 100) Duration snapshotTimeout,
		@DefaultValue("64KB") @NotNull DataSize socketSendBuffer, @DefaultValue @NotNull @Valid Reduced reduced) {

	static final long MIN_SEND_BUFFER = 4096;

	static final long MAX_SEND_BUFFER = 16 * 1024 * 1024;

	public StreamingProperties {
		checkSendBuffer("camdash.streaming.socket-send-buffer", socketSendBuffer);
		checkSendBuffer("camdash.streaming.reduced.socket-send-buffer", reduced.socketSendBuffer());
		if (reduced.socketSendBuffer().toBytes() > socketSendBuffer.toBytes()) {
			throw new IllegalArgumentException("camdash.streaming.reduced.socket-send-buffer ("
					+ shown(reduced.socketSendBuffer()) + ") must not exceed camdash.streaming.socket-send-buffer ("
					+ shown(socketSendBuffer) + ")");
		}
	}

	private static void checkSendBuffer(String name, DataSize size) {
		if (size.toBytes() < MIN_SEND_BUFFER || size.toBytes() > MAX_SEND_BUFFER) {
			throw new IllegalArgumentException(name + " must be between 4KB and 16MB, was " + shown(size));
		}
	}

	/** As a user writes it: 64KB rather than DataSize's 65536B. */
	private static String shown(DataSize size) {
		return (size.toBytes() % 1024 == 0) ? size.toKilobytes() + "KB" : size.toBytes() + "B";
	}

	/**
	 * Smaller frames for viewers that cannot keep up (a phone on weak Wi-Fi), under
	 * {@code camdash.streaming.reduced}: such a viewer gets a fresh small picture instead
	 * of stale big ones, and full size again once its link recovers. Reduced frames are
	 * encoded once per camera frame, and only while some viewer of that camera gets them.
	 *
	 * @param automatic whether viewers that cannot keep up switch to reduced frames by
	 * themselves (and back); {@code ?size=reduced} or {@code ?size=full} on a stream URL
	 * chooses for one viewer either way
	 * @param maxWidth reduced frames are half the camera's width and height, and at most
	 * this many pixels wide
	 * @param jpegQuality JPEG quality of reduced frames, 10 to 100
	 * @param window how long a viewer is judged over: one that took less than half of its
	 * frames within it cannot keep up, so a short hiccup does not switch it
	 * @param retryAfter how long a viewer on reduced frames must keep up before it tries
	 * full size again; doubled (up to 8 times) whenever it falls behind again soon after
	 * trying
	 * @param socketSendBuffer kernel send buffer of a connection while it gets reduced
	 * frames: less stale data queued ahead of each frame on a slow link, so frames arrive
	 * fresher
	 */
	public record Reduced(@DefaultValue("true") boolean automatic,
			@DefaultValue("640") @Min(32) @Max(7680) int maxWidth,
			@DefaultValue("50") @Min(10) @Max(100) int jpegQuality,
			@DefaultValue("2s") @NotNull @DurationMin(millis = 200) @DurationMax(minutes = 1) Duration window,
			@DefaultValue("10s") @NotNull @DurationMin(millis = 100) @DurationMax(hours = 1) Duration retryAfter,
			@DefaultValue("4KB") @NotNull DataSize socketSendBuffer) {

	}

}
