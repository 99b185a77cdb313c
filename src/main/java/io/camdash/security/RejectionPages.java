package io.camdash.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before camdash's pages see them (Jetty's own 400, 414 and 431 for
 * malformed or oversized requests, Spring Security's firewall for suspicious URLs) get
 * the same security headers as every page, and a plain-text sentence: never the layout
 * (which would show the signed-in user's menu) or the server's name.
 */
@Configuration(proxyBeanMethods = false)
class RejectionPages {

	private static final Logger log = LoggerFactory.getLogger(RejectionPages.class);

	/** The headers every response carries, whoever writes it. */
	static final Map<String, String> SECURITY_HEADERS = Map.of("Content-Security-Policy",
			SecurityConfiguration.CONTENT_SECURITY_POLICY, "X-Content-Type-Options", "nosniff", "X-Frame-Options",
			"DENY", "Referrer-Policy", "same-origin", "Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY,
			HttpHeaders.CACHE_CONTROL, "no-store");

	@Bean
	JettyServerCustomizer plainJettyErrors() {
		return (server) -> server.setErrorHandler(new PlainErrorHandler());
	}

	/** The firewall's refusal: 400 with a sentence, logged once without a trace. */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, rejection) -> {
			log.info("Refused a malformed request from {}: {}", request.getRemoteAddr(),
					LogSafe.text(rejection.getMessage()));
			response.reset();
			SECURITY_HEADERS.forEach(response::setHeader);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8");
			response.getWriter().write("Bad request: this URL is not allowed.\n");
		};
	}

	/**
	 * Jetty's answer to requests it refuses itself, with the security headers and a
	 * one-line text body.
	 */
	static final class PlainErrorHandler extends ErrorHandler {

		PlainErrorHandler() {
			setShowStacks(false);
			setShowCauses(false);
			setShowMessageInTitle(false);
			setShowOrigin(false);
			setDefaultResponseMimeType(MediaType.TEXT_PLAIN_VALUE);
		}

		@Override
		public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
			SECURITY_HEADERS.forEach(fields::put);
			fields.put(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8");
			return ByteBuffer.wrap(sentence(status).getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) throws Exception {
			SECURITY_HEADERS.forEach(response.getHeaders()::put);
			return super.handle(request, response, callback);
		}

		@Override
		protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
				Callback callback) throws IOException {
			response.getHeaders().put(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8");
			response.write(true, ByteBuffer.wrap(sentence(code).getBytes(StandardCharsets.UTF_8)), callback);
		}

		private static String sentence(int status) {
			return switch (status) {
				case 414 -> "URL too long.\n";
				case 431 -> "Request headers too large.\n";
				case 413 -> "Request too large.\n";
				default -> (status >= 500) ? "The server could not answer this request.\n"
						: "Bad request: the server cannot read it.\n";
			};
		}

	}

}
