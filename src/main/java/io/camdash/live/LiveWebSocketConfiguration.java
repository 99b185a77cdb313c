package io.camdash.live;

import io.camdash.camera.StreamingProperties;
import io.camdash.camera.ViewerLimiter;
import io.camdash.security.StreamAccess;
import org.eclipse.jetty.ee11.webapp.AbstractConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.ee11.websocket.server.JettyWebSocketServerContainer;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * The live WebSocket on Jetty's own WebSocket server. Only pages of camdash's own origin
 * may open it (Spring's default), so another site cannot use a visitor's session.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveWebSocketConfiguration implements WebSocketConfigurer {

	private final LiveWebSocketHandler handler;

	LiveWebSocketConfiguration(LiveStreams streams, ViewerLimiter limiter, StreamAccess access,
			LiveProperties properties, StreamingProperties streaming, JsonMapper json) {
		this.handler = new LiveWebSocketHandler(streams, limiter, access, properties, streaming, json);
	}

	@Bean
	LiveWebSocketHandler liveWebSocketHandler() {
		return this.handler;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this.handler, LiveWebSocketHandler.PATH)
			.setHandshakeHandler(new DefaultHandshakeHandler(new UncompressedUpgradeStrategy()))
			.addInterceptors(this.handler);
	}

	/**
	 * Installs Jetty's WebSocket container in the web application (what Spring Boot's
	 * WebSocket module would do; camdash needs only this part of it).
	 */
	@Bean
	WebServerFactoryCustomizer<JettyServletWebServerFactory> jettyWebSockets() {
		return (factory) -> factory.addConfigurations(new AbstractConfiguration(new AbstractConfiguration.Builder()) {
			@Override
			public void configure(WebAppContext context) {
				if (JettyWebSocketServerContainer.getContainer(context.getServletContext()) == null) {
					WebSocketServerComponents.ensureWebSocketComponents(context.getServer(), context);
					JettyWebSocketServerContainer.ensureContainer(context.getServletContext());
				}
			}
		});
	}

}
