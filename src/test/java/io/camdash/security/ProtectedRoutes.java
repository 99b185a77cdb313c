package io.camdash.security;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every route that needs signing in, for the access tests. Routes of features not on this branch yet are listed
 * too: Spring Security answers before routing, so they are refused (or pass security and get 404) all the same.
 * When a feature adds a route, add it here.
 */
final class ProtectedRoutes {

	/** Reads a VIEWER may do (GET). */
	static final List<Route> VIEWER_READS = List.of(Route.page("/"), Route.page("/cameras/cam"),
			Route.api("/cameras/cam/status"), Route.api("/cameras/status"), Route.tool("/cameras/cam/stream.mjpg"),
			Route.tool("/cameras/cam/snapshot.jpg"), Route.tool("/stream.mjpg"), Route.tool("/snapshot.jpg"),
			// Pictures: gallery, one picture, its thumbnail and download.
			Route.page("/pictures"), Route.page("/pictures/cam-20260101-120000.jpg"),
			Route.page("/pictures/cam-20260101-120000.jpg/thumbnail"),
			Route.page("/pictures/cam-20260101-120000.jpg/download"),
			Route.page("/pictures/thumbnails/cam-20260101-120000.jpg"),
			// Notes: list and read.
			Route.page("/notes"), Route.page("/notes/shopping"));

	/** Reads only an ADMIN may do. */
	static final List<Route> ADMIN_READS = List.of(Route.actuator("/actuator/metrics"),
			Route.actuator("/actuator/metrics/camdash.camera.viewers"), Route.actuator("/actuator/info"),
			Route.page("/settings"));

	/** Every state change: only an ADMIN, and only with a CSRF token. */
	static final List<Route> CHANGES = List.of(Route.change("POST", "/cameras/cam/snapshots"),
			Route.change("POST", "/pictures/cam-20260101-120000.jpg/delete"),
			Route.change("DELETE", "/pictures/cam-20260101-120000.jpg"), Route.change("POST", "/notes"),
			Route.change("POST", "/notes/shopping"), Route.change("PUT", "/notes/shopping"),
			Route.change("POST", "/notes/shopping/delete"), Route.change("DELETE", "/notes/shopping"),
			Route.change("POST", "/settings"), Route.change("POST", "/cameras/cam/snapshot.jpg"),
			Route.change("POST", "/actuator/shutdown"));

	/** Routes that serve files, and folders whose files must stay out of reach, for the traversal test. */
	static final List<String> FILE_SERVING_PREFIXES = List.of("/css/", "/js/", "/webjars/", "/webjars/bootstrap/",
			"/cameras/", "/cameras/cam/", "/pictures/", "/pictures/thumbnails/", "/notes/", "/");

	/** Ways to climb out of a folder, as raw request paths (sent as they are, not normalised by a client). */
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

	/** What an unauthenticated request gets: a login page redirect, or 401 for tools and the actuator. */
	enum Kind {

		PAGE, API, TOOL, ACTUATOR, CHANGE

	}

	record Route(String method, String path, Kind kind) {

		static Route page(String path) {
			return new Route("GET", path, Kind.PAGE);
		}

		static Route api(String path) {
			return new Route("GET", path, Kind.API);
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
