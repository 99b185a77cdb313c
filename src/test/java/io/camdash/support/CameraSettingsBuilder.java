package io.camdash.support;

import java.time.Duration;

import io.camdash.camera.CameraSettings;
import io.camdash.camera.source.SourceSpec;

/**
 * Camera settings for tests that build cameras without Spring: starts from the defaults
 * of {@code camdash.cameras[]} and names only what a test changes, e.g.
 * {@code CameraSettingsBuilder.camera("door").size(320, 240).fps(20).build()}.
 */
public final class CameraSettingsBuilder {

	private final String id;

	private String name;

	private SourceSpec source = SourceSpec.TEST_PATTERN;

	private int width;

	private int height;

	private int fps = 15;

	private int jpegQuality = 80;

	private boolean overlay = true;

	private Duration idleTimeout = Duration.ofSeconds(30);

	private Duration stallTimeout = Duration.ofSeconds(2);

	private CameraSettingsBuilder(String id) {
		this.id = id;
		this.name = id;
	}

	/** A test-pattern camera with the given id and every other setting at its default. */
	public static CameraSettingsBuilder camera(String id) {
		return new CameraSettingsBuilder(id);
	}

	public CameraSettingsBuilder name(String name) {
		this.name = name;
		return this;
	}

	/**
	 * The source as configured: test-pattern, device:0, file:/path, folder:/path, a URL.
	 */
	public CameraSettingsBuilder source(String source) {
		this.source = SourceSpec.of(source);
		return this;
	}

	public CameraSettingsBuilder size(int width, int height) {
		this.width = width;
		this.height = height;
		return this;
	}

	public CameraSettingsBuilder fps(int fps) {
		this.fps = fps;
		return this;
	}

	public CameraSettingsBuilder jpegQuality(int jpegQuality) {
		this.jpegQuality = jpegQuality;
		return this;
	}

	public CameraSettingsBuilder overlay(boolean overlay) {
		this.overlay = overlay;
		return this;
	}

	public CameraSettingsBuilder idleTimeout(Duration idleTimeout) {
		this.idleTimeout = idleTimeout;
		return this;
	}

	public CameraSettingsBuilder stallTimeout(Duration stallTimeout) {
		this.stallTimeout = stallTimeout;
		return this;
	}

	public CameraSettings build() {
		return new CameraSettings(this.id, this.name, this.source, this.width, this.height, this.fps, this.jpegQuality,
				this.overlay, this.idleTimeout, this.stallTimeout);
	}

}
