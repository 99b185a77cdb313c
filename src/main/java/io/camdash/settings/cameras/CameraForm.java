package io.camdash.settings.cameras;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The camera form of the settings pages, as typed: every field is text so that what the
 * user typed comes back as it was with the reason it was refused. It turns into the
 * camera's plain data for the settings file ({@link #toCamera}) and back ({@link #of});
 * checking is left to the start-up rules. A source URL is shown masked, and a masked URL
 * sent back unchanged keeps the stored one (with its password).
 */
public class CameraForm {

	/** The source kinds a user chooses from, with the prefix of their source value. */
	public enum Kind {

		NETWORK("RTSP or HTTP URL", ""), DEVICE("USB device", "device:"), FILE("Video file", "file:"),
		FOLDER("Image folder", "folder:"), SNAPSHOT("Still-image URL, polled", "snapshot:"),
		PI_CAMERA("Raspberry Pi camera module", "picamera:"), TEST_PATTERN("Test pattern", "");

		private final String label;

		private final String prefix;

		Kind(String label, String prefix) {
			this.label = label;
			this.prefix = prefix;
		}

		public String label() {
			return this.label;
		}

	}

	private String id = "";

	private String name = "";

	private Kind kind = Kind.NETWORK;

	private String location = "";

	private String width = "";

	private String height = "";

	private String fps = "";

	private String jpegQuality = "";

	private boolean overlay = true;

	private String idleTimeout = "";

	private String stallTimeout = "";

	private boolean motionEnabled;

	private String detectFps = "";

	private String threshold = "";

	private String minArea = "";

	private String minFrames = "";

	private String coolDown = "";

	private String recalibrate = "";

	private String preRoll = "";

	private String postRoll = "";

	private String maxClip = "";

	private boolean clips = true;

	private String maskRectangles = "";

	/** The form of a camera of the settings file; its source masked. */
	@SuppressWarnings("unchecked")
	static CameraForm of(Map<String, Object> camera) {
		CameraForm form = new CameraForm();
		form.id = text(camera.get("id"));
		form.name = text(camera.get("name"));
		form.setSource(text(camera.get("source")));
		form.width = text(camera.get("width"));
		form.height = text(camera.get("height"));
		form.fps = text(camera.get("fps"));
		form.jpegQuality = text(camera.get("jpeg-quality"));
		form.overlay = !"false".equals(text(camera.get("overlay")));
		form.idleTimeout = text(camera.get("idle-timeout"));
		form.stallTimeout = text(camera.get("stall-timeout"));
		if (camera.get("motion") instanceof Map<?, ?> map) {
			Map<String, Object> motion = (Map<String, Object>) map;
			form.motionEnabled = "true".equals(text(motion.get("enabled")));
			form.detectFps = text(motion.get("detect-fps"));
			form.threshold = text(motion.get("threshold"));
			form.minArea = text(motion.get("min-area"));
			form.minFrames = text(motion.get("min-frames"));
			form.coolDown = text(motion.get("cool-down"));
			form.recalibrate = text(motion.get("recalibrate"));
			form.preRoll = text(motion.get("pre-roll"));
			form.postRoll = text(motion.get("post-roll"));
			form.maxClip = text(motion.get("max-clip"));
			form.clips = !"false".equals(text(motion.get("clips")));
			if (motion.get("mask") instanceof Map<?, ?> mask && mask.get("rectangles") instanceof List<?> zones) {
				form.maskRectangles = String.join("\n", zones.stream().map(CameraForm::text).toList());
			}
		}
		return form;
	}

	private void setSource(String source) {
		String lower = source.toLowerCase(java.util.Locale.ROOT);
		if (source.isEmpty() || lower.equals("test-pattern")) {
			this.kind = Kind.TEST_PATTERN;
			this.location = "";
			return;
		}
		String shown = FileCameras.maskedSource(source);
		for (Kind candidate : Kind.values()) {
			if (!candidate.prefix.isEmpty() && lower.startsWith(candidate.prefix)) {
				this.kind = candidate;
				this.location = (shown.startsWith(candidate.prefix) ? shown : source)
					.substring(candidate.prefix.length());
				return;
			}
		}
		this.kind = Kind.NETWORK;
		this.location = shown;
	}

	/**
	 * The camera as plain data for the settings file: {@code before} (the stored camera,
	 * or null for a new one) with the form's fields put over it, so what the form does
	 * not show (publish targets, mask polygons) stays. Blank fields take their defaults.
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> toCamera(@Nullable Map<String, Object> before) {
		Map<String, Object> camera = (before != null) ? new LinkedHashMap<>(before) : new LinkedHashMap<>();
		camera.put("id", this.id.strip());
		put(camera, "name", this.name);
		camera.put("source", source(before));
		putNumber(camera, "width", this.width);
		putNumber(camera, "height", this.height);
		putNumber(camera, "fps", this.fps);
		putNumber(camera, "jpeg-quality", this.jpegQuality);
		camera.put("overlay", this.overlay);
		put(camera, "idle-timeout", this.idleTimeout);
		put(camera, "stall-timeout", this.stallTimeout);
		Map<String, Object> motion = (camera.get("motion") instanceof Map<?, ?> map)
				? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
		motion.put("enabled", this.motionEnabled);
		putNumber(motion, "detect-fps", this.detectFps);
		putNumber(motion, "threshold", this.threshold);
		putNumber(motion, "min-area", this.minArea);
		putNumber(motion, "min-frames", this.minFrames);
		put(motion, "cool-down", this.coolDown);
		putNumber(motion, "recalibrate", this.recalibrate);
		put(motion, "pre-roll", this.preRoll);
		put(motion, "post-roll", this.postRoll);
		put(motion, "max-clip", this.maxClip);
		motion.put("clips", this.clips);
		Map<String, Object> mask = (motion.get("mask") instanceof Map<?, ?> map)
				? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
		List<String> rectangles = this.maskRectangles.lines().map(String::strip).filter((l) -> !l.isEmpty()).toList();
		if (rectangles.isEmpty()) {
			mask.remove("rectangles");
		}
		else {
			mask.put("rectangles", rectangles);
		}
		if (mask.isEmpty()) {
			motion.remove("mask");
		}
		else {
			motion.put("mask", mask);
		}
		camera.put("motion", motion);
		return camera;
	}

	/**
	 * The source value; the stored one when the form shows it unchanged (masked), so a
	 * password never shown is kept.
	 */
	private String source(@Nullable Map<String, Object> before) {
		if (this.kind == Kind.TEST_PATTERN) {
			return "test-pattern";
		}
		String typed = this.kind.prefix + this.location.strip();
		if (before != null && before.get("source") != null) {
			String stored = text(before.get("source"));
			if (FileCameras.maskedSource(stored).equals(typed)) {
				return stored;
			}
		}
		return typed;
	}

	private static void put(Map<String, Object> into, String key, String value) {
		if (value.isBlank()) {
			into.remove(key);
		}
		else {
			into.put(key, value.strip());
		}
	}

	/**
	 * A number as a number, so the file reads well; anything else as typed, refused
	 * later.
	 */
	private static void putNumber(Map<String, Object> into, String key, String value) {
		String text = value.strip();
		if (text.isEmpty()) {
			into.remove(key);
			return;
		}
		try {
			into.put(key, Integer.parseInt(text));
		}
		catch (NumberFormatException notInteger) {
			try {
				into.put(key, Double.parseDouble(text));
			}
			catch (NumberFormatException notNumber) {
				into.put(key, text);
			}
		}
	}

	private static String text(@Nullable Object value) {
		return Objects.toString(value, "");
	}

	// Bean properties, for the form's binding.

	public String getId() {
		return this.id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Kind getKind() {
		return this.kind;
	}

	public void setKind(Kind kind) {
		this.kind = kind;
	}

	public String getLocation() {
		return this.location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public String getWidth() {
		return this.width;
	}

	public void setWidth(String width) {
		this.width = width;
	}

	public String getHeight() {
		return this.height;
	}

	public void setHeight(String height) {
		this.height = height;
	}

	public String getFps() {
		return this.fps;
	}

	public void setFps(String fps) {
		this.fps = fps;
	}

	public String getJpegQuality() {
		return this.jpegQuality;
	}

	public void setJpegQuality(String jpegQuality) {
		this.jpegQuality = jpegQuality;
	}

	public boolean isOverlay() {
		return this.overlay;
	}

	public void setOverlay(boolean overlay) {
		this.overlay = overlay;
	}

	public String getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(String idleTimeout) {
		this.idleTimeout = idleTimeout;
	}

	public String getStallTimeout() {
		return this.stallTimeout;
	}

	public void setStallTimeout(String stallTimeout) {
		this.stallTimeout = stallTimeout;
	}

	public boolean isMotionEnabled() {
		return this.motionEnabled;
	}

	public void setMotionEnabled(boolean motionEnabled) {
		this.motionEnabled = motionEnabled;
	}

	public String getDetectFps() {
		return this.detectFps;
	}

	public void setDetectFps(String detectFps) {
		this.detectFps = detectFps;
	}

	public String getThreshold() {
		return this.threshold;
	}

	public void setThreshold(String threshold) {
		this.threshold = threshold;
	}

	public String getMinArea() {
		return this.minArea;
	}

	public void setMinArea(String minArea) {
		this.minArea = minArea;
	}

	public String getMinFrames() {
		return this.minFrames;
	}

	public void setMinFrames(String minFrames) {
		this.minFrames = minFrames;
	}

	public String getCoolDown() {
		return this.coolDown;
	}

	public void setCoolDown(String coolDown) {
		this.coolDown = coolDown;
	}

	public String getRecalibrate() {
		return this.recalibrate;
	}

	public void setRecalibrate(String recalibrate) {
		this.recalibrate = recalibrate;
	}

	public String getPreRoll() {
		return this.preRoll;
	}

	public void setPreRoll(String preRoll) {
		this.preRoll = preRoll;
	}

	public String getPostRoll() {
		return this.postRoll;
	}

	public void setPostRoll(String postRoll) {
		this.postRoll = postRoll;
	}

	public String getMaxClip() {
		return this.maxClip;
	}

	public void setMaxClip(String maxClip) {
		this.maxClip = maxClip;
	}

	public boolean isClips() {
		return this.clips;
	}

	public void setClips(boolean clips) {
		this.clips = clips;
	}

	public String getMaskRectangles() {
		return this.maskRectangles;
	}

	public void setMaskRectangles(String maskRectangles) {
		this.maskRectangles = maskRectangles;
	}

}
