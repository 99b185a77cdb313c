package io.camdash.camera;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

import jakarta.servlet.ServletRequest;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket under one viewer's stream, for the one thing tuned per viewer: its kernel send buffer. A viewer
 * on reduced frames gets a smaller one, so less stale data is queued ahead of each frame on a slow link; it
 * gets the usual size back with full frames. Jetty exposes the connection's {@link SocketChannel} through its
 * endpoint; when there is none (another transport), nothing is tuned.
 */
final class ViewerSocket {

	private static final Logger log = LoggerFactory.getLogger(ViewerSocket.class);

	private final SocketChannel channel;

	private final int fullSendBuffer;

	private final int reducedSendBuffer;

	private ViewerSocket(SocketChannel channel, int fullSendBuffer, int reducedSendBuffer) {
		this.channel = channel;
		this.fullSendBuffer = fullSendBuffer;
		this.reducedSendBuffer = reducedSendBuffer;
	}

	static ViewerSocket of(ServletRequest request, StreamingProperties properties) {
		return new ViewerSocket(channel(request), (int) properties.socketSendBuffer().toBytes(),
				(int) properties.reduced().socketSendBuffer().toBytes());
	}

	private static SocketChannel channel(ServletRequest request) {
		try {
			Connection connection = ServletContextRequest.getServletContextRequest(request)
				.getConnectionMetaData()
				.getConnection();
			return (connection.getEndPoint().getTransport() instanceof SocketChannel channel) ? channel : null;
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	/** Sizes the send buffer for reduced or full frames. */
	void sizeFor(boolean reduced) {
		if (this.channel == null) {
			return;
		}
		int size = reduced ? this.reducedSendBuffer : this.fullSendBuffer;
		try {
			this.channel.setOption(StandardSocketOptions.SO_SNDBUF, size);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// A connection closing meanwhile: the viewer notices on its next write.
			log.debug("Could not set the send buffer of a viewer's socket to {} bytes: {}", size, ex.toString());
		}
	}

}
