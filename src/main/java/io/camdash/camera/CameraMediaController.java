package io.camdash.camera;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Live video as MJPEG, and single stills, for browsers and tools such as VLC or Home
 * Assistant.
 */
@RestController
class CameraMediaController {

	static final int MAX_FPS_PARAM = 120;

	private final CameraRegistry cameras;

	private final ViewerLimiter viewers;

	private final StreamingProperties properties;

	/** One per camera, made when its first viewer comes. */
	private final Map<String, MjpegBroadcaster> broadcasters = new ConcurrentHashMap<>();

	CameraMediaController(CameraRegistry cameras, ViewerLimiter viewers, StreamingProperties properties) {
		this.cameras = cameras;
		this.viewers = viewers;
		this.properties = properties;
	}

	@GetMapping("/cameras/{id}/stream.mjpg")
	ResponseEntity<StreamingResponseBody> stream(@PathVariable String id,
			@RequestParam(name = "fps", required = false) Integer fps,
			@RequestParam(name = "size", required = false) String size, HttpServletRequest request,
			HttpServletResponse response) {
		return stream(this.cameras.require(id), fps, size, request, response);
	}

	@GetMapping("/stream.mjpg")
	ResponseEntity<StreamingResponseBody> firstCameraStream(@RequestParam(name = "fps", required = false) Integer fps,
			@RequestParam(name = "size", required = false) String size, HttpServletRequest request,
			HttpServletResponse response) {
		return stream(this.cameras.first(), fps, size, request, response);
	}

	private ResponseEntity<StreamingResponseBody> stream(Camera camera, Integer fps, String size,
			HttpServletRequest request, HttpServletResponse response) {
		if (fps != null && (fps < 1 || fps > MAX_FPS_PARAM)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "fps must be between 1 and " + MAX_FPS_PARAM);
		}
		long minIntervalNanos = MjpegViewer.minIntervalNanos(fps);
		FrameSizeChooser sizeChooser = frameSize(size, minIntervalNanos);
		String address = request.getRemoteAddr();
		ViewerLimiter.Permit permit = this.viewers.tryAcquire(address);
		if (permit == null) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, this.viewers.refusal(address));
		}
		permit.releaseWhenCompleted(request);
		return ResponseEntity.ok()
			.headers(noCache())
			.header("X-Accel-Buffering", "no")
			.header(HttpHeaders.CONNECTION, "close")
			.contentType(MediaType.parseMediaType(MjpegFormat.CONTENT_TYPE))
			.body(new MjpegViewer(camera, broadcaster(camera), permit, response, minIntervalNanos,
					this.properties.writeTimeout().toNanos(), sizeChooser,
					ViewerConnection.of(request, this.properties)));
	}

	private MjpegBroadcaster broadcaster(Camera camera) {
		// A camera removed and added again under the same id is a new camera.
		return this.broadcasters.compute(camera.id(),
				(id, known) -> (known != null && known.camera() == camera) ? known : new MjpegBroadcaster(camera));
	}

	/**
	 * {@code ?size=full} or {@code reduced} fixes a viewer's frame size; {@code auto} (or
	 * none) adapts it.
	 */
	private FrameSizeChooser frameSize(String size, long minIntervalNanos) {
		if (size == null || size.equals("auto")) {
			StreamingProperties.Reduced reduced = this.properties.reduced();
			return reduced.automatic() ? FrameSizeChooser.automatic(reduced, minIntervalNanos, System.nanoTime())
					: FrameSizeChooser.fixed(false);
		}
		return switch (size) {
			case "full" -> FrameSizeChooser.fixed(false);
			case "reduced" -> FrameSizeChooser.fixed(true);
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size must be auto, full or reduced");
		};
	}

	/**
	 * A still: the camera's newest good frame as one JPEG (the URL keeps its old name).
	 */
	@GetMapping("/cameras/{id}/snapshot.jpg")
	ResponseEntity<byte[]> still(@PathVariable String id) throws InterruptedException {
		return still(this.cameras.require(id));
	}

	@GetMapping("/snapshot.jpg")
	ResponseEntity<byte[]> firstCameraStill() throws InterruptedException {
		return still(this.cameras.first());
	}

	private ResponseEntity<byte[]> still(Camera camera) throws InterruptedException {
		LatestFrame frame = camera.requireLiveFrame(this.properties.snapshotTimeout());
		return ResponseEntity.ok()
			.headers(noCache())
			.header("X-Timestamp", MjpegFormat.timestamp(frame.capturedAt()))
			.contentType(MediaType.IMAGE_JPEG)
			.body(frame.jpeg());
	}

	private static HttpHeaders noCache() {
		HttpHeaders headers = new HttpHeaders();
		headers.setCacheControl(CacheControl.noStore().mustRevalidate().getHeaderValue() + ", no-cache");
		headers.setPragma("no-cache");
		return headers;
	}

}
