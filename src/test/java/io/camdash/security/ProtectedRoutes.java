package io.camdash.security;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every route that needs signing in, for the access tests. When a feature adds a route,
 * add it here: the access, CSRF, "a GET changes nothing" and traversal tests then cover
 * it.
 */
final class ProtectedRoutes {

	/** A picture name as the gallery's URLs carry it (it need not exist). */
	static final String PICTURE = "cam/2026-01-01/cam_20260101-120000-000.jpg";

	/** A motion event's name (it need not exist). */
	static final String EVENT = "cam_20260101-120000-000-motion";

	/** Reads a VIEWER may do (GET). */
	static final List<Route> VIEWER_READS = List.of(Route.page("/"), Route.page("/cameras/cam"),
			Route.api("/cameras/cam/status"), Route.api("/cameras/status"), Route.tool("/cameras/cam/stream.mjpg"),
			Route.tool("/cameras/cam/snapshot.jpg"), Route.tool("/stream.mjpg"), Route.tool("/snapshot.jpg"),
			// Pictures: gallery, one picture, the image, its thumbnail and download.
			Route.page("/pictures"), Route.page("/pictures?camera=cam&page=2"), Route.page("/pictures/view/" + PICTURE),
			Route.page("/pictures/image/" + PICTURE), Route.page("/pictures/thumbnail/" + PICTURE),
			Route.page("/pictures/download/" + PICTURE), Route.page("/pictures/picker"),
			// Notes: list, search and read.
			Route.page("/notes"), Route.page("/notes/search?q=door"), Route.page("/notes/welcome.md"),
			Route.page("/notes/guides/adding-a-camera.md"),
			// The JSON API and its description.
			Route.jsonApi("/api/v1/cameras"), Route.jsonApi("/api/v1/cameras/cam"), Route.jsonApi("/api/v1/pictures"),
			Route.jsonApi("/api/v1/pictures/" + PICTURE), Route.jsonApi("/api/v1/notes"),
			Route.jsonApi("/api/v1/notes/welcome.md"), Route.page("/api/docs/openapi.json"),
			// Motion: events page, a clip, the motion status.
			Route.page("/events"), Route.page("/events?camera=cam&day=2026-01-01"),
			Route.page("/events/clip/" + EVENT + ".mp4"), Route.api("/motion/status"));

	/** Reads only an ADMIN may do. */
	static final List<Route> ADMIN_READS = List.of(Route.actuator("/actuator/metrics"),
			Route.actuator("/actuator/metrics/camdash.camera.viewers"), Route.actuator("/actuator/info"),
			Route.page("/settings/tokens"), Route.page("/settings/cameras"), Route.page("/settings/cameras/new"),
			Route.page("/settings/cameras/cam/edit"), Route.page("/settings/users"),
			Route.page("/settings/camera-tokens"));

	/** Every state change: only an ADMIN, and only with a CSRF token. */
	static final List<Route> CHANGES = List.of(Route.change("POST", "/cameras/cam/snapshots"),
			Route.change("POST", "/pictures/delete/" + PICTURE), Route.change("DELETE", "/pictures/image/" + PICTURE),
			Route.change("POST", "/pictures/selection/delete"), Route.change("POST", "/notes/new"),
			Route.change("POST", "/notes/preview"), Route.change("POST", "/notes/welcome.md?action=save"),
			Route.change("POST", "/notes/welcome.md?action=rename"),
			Route.change("POST", "/notes/welcome.md?action=delete"),
			Route.change("POST", "/notes/guides?action=delete-folder"), Route.change("PUT", "/notes/welcome.md"),
			Route.change("DELETE", "/notes/welcome.md"), Route.change("POST", "/cameras/cam/snapshot.jpg"),
			Route.change("POST", "/actuator/shutdown"), Route.change("POST", "/settings/tokens"),
			Route.change("POST", "/settings/tokens/0123456789ab/revoke"), Route.change("POST", "/settings/cameras/new"),
			Route.change("POST", "/settings/cameras/cam/edit"), Route.change("POST", "/settings/cameras/cam/delete"),
			Route.change("POST", "/settings/cameras/cam/move"), Route.change("POST", "/settings/users"),
			Route.change("POST", "/settings/users/role"), Route.change("POST", "/settings/users/password"),
			Route.change("POST", "/settings/users/remove"), Route.change("POST", "/settings/camera-tokens"),
			Route.change("POST", "/settings/camera-tokens/0123456789ab/revoke"),
			Route.change("POST", "/api/v1/cameras/cam/photos"), Route.change("DELETE", "/api/v1/pictures/" + PICTURE),
			Route.change("PUT", "/api/v1/notes/welcome.md"), Route.change("POST", "/events/delete/" + EVENT));

	/**
	 * Routes that serve files, and folders whose files must stay out of reach, for the
	 * traversal test.
	 */
	static final List<String> FILE_SERVING_PREFIXES = List.of("/css/", "/js/", "/webjars/", "/webjars/bootstrap/",
			"/cameras/", "/cameras/cam/", "/pictures/view/", "/pictures/image/", "/pictures/thumbnail/",
			"/pictures/download/", "/events/clip/", "/notes/", "/notes/guides/", "/api/v1/pictures/", "/api/v1/notes/",
			"/");

	/**
	 * Ways to climb out of a folder, as raw request paths (sent as they are, not
	 * normalised by a client).
	 */
	static final List<String> TRAVERSALS = List.of("../../../../etc/passwd", "..%2f..%2f..%2f..%2fetc%2fpasswd",
			"%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
			"..%5c..%5c..%5capplication.yaml", "%252e%252e%252f%252e%252e%252fapplication.yaml",
			"..;/..;/..;/etc/passwd", "....//....//....//etc/passwd", "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
			"/etc/passwd", "..%00/application.yaml", "../../src/main/resources/application.yaml",
			"..%2f.camdash%2fadmin-password", "../target/camdash-test-data/remember-me-key");

	private ProtectedRoutes() {
	}

	static Stream<Route> allReads() {
		return Stream.concat(VIEWER_READS.stream(), ADMIN_READS.stream());
	}

	static Stream<String> traversals() {
		return FILE_SERVING_PREFIXES.stream().flatMap((prefix) -> TRAVERSALS.stream().map((t) -> prefix + t));
	}

	/**
	 * What an unauthenticated request gets: a login page redirect, or 401 for tools and
	 * the actuator.
	 */
	enum Kind {

		PAGE, API, TOOL, ACTUATOR, CHANGE,

		/** The JSON API under /api/v1: 401 asking for a Bearer token. */
		JSON_API

	}

	record Route(String method, String path, Kind kind) {

		static Route page(String path) {
			return new Route("GET", path, Kind.PAGE);
		}

		static Route api(String path) {
			return new Route("GET", path, Kind.API);
		}

		static Route jsonApi(String path) {
			return new Route("GET", path, Kind.JSON_API);
		}

		static Route tool(String path) {
			return new Route("GET", path, Kind.TOOL);
		}

		static Route actuator(String path) {
			return new Route("GET", path, Kind.ACTUATOR);
		}

		static Route change(String method, String path) {
			return new Route(method, path, Kind.CHANGE);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
