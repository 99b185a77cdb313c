package io.camdash.live;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camdash.camera.StreamingProperties;
import io.camdash.camera.ViewerLimiter;
import io.camdash.security.StreamAccess;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriTemplate;

/**
 * {@code /cameras/{id}/live.ws}: the browser says which codecs it plays
 * ({@code {"type":"mse","codecs":["avc1.42E01E",…]}}), camdash answers with the exact
 * MIME type, then sends the init segment and one fragment per frame as binary messages.
 * Refusals (not signed in, unknown camera, codecs, too many viewers) are a close with a
 * reason a person can read, since a browser shows scripts nothing of a refused upgrade.
 */
final class LiveWebSocketHandler extends TextWebSocketHandler implements HandshakeInterceptor, DisposableBean {

	static final String PATH = "/cameras/{id}/live.ws";

	private static final Logger log = LoggerFactory.getLogger(LiveWebSocketHandler.class);

	private static final UriTemplate PATH_TEMPLATE = new UriTemplate(PATH);

	private static final String CAMERA_ID = "camdash.cameraId";

	private static final String ALLOWED = "camdash.allowed";

	private static final String VIEWER = "camdash.viewer";

	private static final long HELLO_TIMEOUT_SECONDS = 10;

	private final LiveStreams streams;

	private final ViewerLimiter limiter;

	private final StreamAccess access;

	private final LiveProperties properties;

	private final Duration writeTimeout;

	private final DataSize sendBuffer;

	private final JsonMapper json;

	private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "camdash-live-timeouts");
		thread.setDaemon(true);
		return thread;
	});

	LiveWebSocketHandler(LiveStreams streams, ViewerLimiter limiter, StreamAccess access, LiveProperties properties,
			StreamingProperties streaming, JsonMapper json) {
		this.streams = streams;
		this.limiter = limiter;
		this.access = access;
		this.properties = properties;
		this.writeTimeout = streaming.writeTimeout();
		this.sendBuffer = streaming.socketSendBuffer();
		this.json = json;
	}

	// ---- the upgrade request, on the thread that ran the security filters ----

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		Map<String, String> variables = PATH_TEMPLATE.match(request.getURI().getPath());
		attributes.put(CAMERA_ID, variables.getOrDefault("id", ""));
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		attributes.put(ALLOWED, this.access.mayWatch(user));
		limitSendBuffer(request);
		return true;
	}

	/**
	 * Gives the socket the MJPEG viewers' send buffer: left to the kernel it grows to
	 * megabytes, which a viewer on a slow link would have to drain before it sees the
	 * frames its queue skipped to, seconds behind live.
	 */
	private void limitSendBuffer(ServerHttpRequest request) {
		if (!(request instanceof ServletServerHttpRequest servlet)) {
			return;
		}
		int size = (int) this.sendBuffer.toBytes();
		try {
			EndPoint endPoint = ServletContextRequest.getServletContextRequest(servlet.getServletRequest())
				.getConnectionMetaData()
				.getConnection()
				.getEndPoint();
			if (endPoint.getTransport() instanceof SocketChannel channel) {
				channel.setOption(StandardSocketOptions.SO_SNDBUF, size);
			}
		}
		catch (IllegalStateException | IOException | UnsupportedOperationException ex) {
			log.debug("Could not set the send buffer of a live viewer's socket to {} bytes: {}", size, ex.toString());
		}
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

	// ---- the connection ----

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		String cameraId = (String) session.getAttributes().get(CAMERA_ID);
		if (!Boolean.TRUE.equals(session.getAttributes().get(ALLOWED))) {
			close(session, LiveCloseStatus.UNAUTHORIZED, "Sign in to watch this camera");
		}
		else if (this.streams.find(cameraId).isEmpty()) {
			close(session, LiveCloseStatus.UNKNOWN_CAMERA, "No camera named '" + cameraId + "'");
		}
		else {
			this.timeouts.schedule(() -> {
				if (session.isOpen() && !session.getAttributes().containsKey(VIEWER)) {
					close(session, LiveCloseStatus.NO_HELLO, "No codec list within " + HELLO_TIMEOUT_SECONDS + " s");
				}
			}, HELLO_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		if (session.getAttributes().containsKey(VIEWER)) {
			return;
		}
		List<String> codecs = codecs(message.getPayload());
		if (codecs.stream().noneMatch((codec) -> codec.startsWith("avc1."))) {
			close(session, LiveCloseStatus.UNSUPPORTED_CODECS,
					"camdash sends H.264 (avc1), which this browser cannot play");
			return;
		}
		String address = address(session);
		ViewerLimiter.Permit permit = this.limiter.tryAcquire(address);
		if (permit == null) {
			close(session, LiveCloseStatus.TOO_MANY_VIEWERS, this.limiter.refusal(address));
			return;
		}
		LiveStream stream = this.streams.find((String) session.getAttributes().get(CAMERA_ID)).orElseThrow();
		Session nativeSession = ((NativeWebSocketSession) session).getNativeSession(Session.class);
		WebSocketLiveViewer viewer = new WebSocketLiveViewer(nativeSession, codecs, this.properties, this.writeTimeout,
				stream.metrics());
		session.getAttributes().put(VIEWER, new Joined(stream, viewer, permit));
		stream.join(viewer);
		if (!session.isOpen()) {
			// Closed while joining: the close callback may have run before the viewer
			// was recorded.
			leave(session);
		}
	}

	private List<String> codecs(String hello) {
		List<String> codecs = new ArrayList<>();
		try {
			JsonNode list = this.json.readTree(hello).path("codecs");
			for (JsonNode codec : list) {
				if (codec.isString() && codecs.size() < 32) {
					codecs.add(codec.asString());
				}
			}
		}
		catch (RuntimeException ex) {
			log.debug("Unreadable live hello: {}", ex.toString());
		}
		return codecs;
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		leave(session);
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		log.debug("Live viewer connection failed: {}", exception.toString());
	}

	private void leave(WebSocketSession session) {
		Object joined = session.getAttributes().remove(VIEWER);
		if (joined instanceof Joined viewer) {
			viewer.viewer().markEnded();
			viewer.stream().leave(viewer.viewer());
			viewer.permit().release();
		}
	}

	private static void close(WebSocketSession session, int code, String reason) {
		Session nativeSession = ((NativeWebSocketSession) session).getNativeSession(Session.class);
		nativeSession.close(code, LiveCloseStatus.shortened(reason), Callback.NOOP);
	}

	@Override
	public void destroy() {
		this.timeouts.shutdownNow();
	}

	/** The client's address, as the MJPEG streams count it. */
	private static String address(WebSocketSession session) {
		InetSocketAddress remote = session.getRemoteAddress();
		return (remote != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

	private record Joined(LiveStream stream, WebSocketLiveViewer viewer, ViewerLimiter.Permit permit) {
	}

}
