package io.camdash.live;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.websocket.server.JettyWebSocketCreator;
import org.eclipse.jetty.ee11.websocket.server.JettyWebSocketServerContainer;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.adapter.jetty.JettyWebSocketHandlerAdapter;
import org.springframework.web.socket.adapter.jetty.JettyWebSocketSession;
import org.springframework.web.socket.server.HandshakeFailureException;
import org.springframework.web.socket.server.jetty.JettyRequestUpgradeStrategy;

/**
 * Spring's upgrade on Jetty's WebSocket server, declining every extension the client
 * offers. Browsers offer {@code permessage-deflate} and Jetty accepted it: each H.264
 * fragment, which does not compress, was deflated again for every browser viewer, with a
 * compressor's window of memory per viewer.
 */
final class UncompressedUpgradeStrategy extends JettyRequestUpgradeStrategy {

	@Override
	public List<WebSocketExtension> getSupportedExtensions(ServerHttpRequest request) {
		return List.of();
	}

	@Override
	public void upgrade(ServerHttpRequest request, ServerHttpResponse response, @Nullable String selectedProtocol,
			List<WebSocketExtension> selectedExtensions, @Nullable Principal user, WebSocketHandler handler,
			Map<String, Object> attributes) throws HandshakeFailureException {
		HttpServletRequest servletRequest = ((ServletServerHttpRequest) request).getServletRequest();
		HttpServletResponse servletResponse = ((ServletServerHttpResponse) response).getServletResponse();
		JettyWebSocketHandlerAdapter adapter = new JettyWebSocketHandlerAdapter(handler,
				new JettyWebSocketSession(attributes, user));
		JettyWebSocketCreator creator = (upgradeRequest, upgradeResponse) -> {
			if (selectedProtocol != null) {
				upgradeResponse.setAcceptedSubProtocol(selectedProtocol);
			}
			upgradeResponse.setExtensions(List.of());
			return adapter;
		};
		try {
			JettyWebSocketServerContainer.getContainer(servletRequest.getServletContext())
				.upgrade(creator, servletRequest, servletResponse);
		}
		catch (IOException ex) {
			throw new HandshakeFailureException("The WebSocket upgrade failed", ex);
		}
	}

}
