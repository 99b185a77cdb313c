package io.camdash.camera;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import jakarta.servlet.ServletRequest;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection under one viewer's stream, as Jetty exposes it. Two things are done on
 * it directly:
 * <ul>
 * <li>Frames are written to its endpoint once the response headers are out. An MJPEG body
 * on an HTTP/1.1 connection that closes at the end is the raw bytes of the parts, so the
 * servlet layers (output stream state, request scope, event hooks) add nothing but cost:
 * on 100 viewers at 30 fps they took about as much CPU as the kernel's own send path.
 * Jetty's endpoint still does the non-blocking write, finishes a partial one when the
 * socket drains, and keeps the idle timeout. Over another protocol (HTTP/2 multiplexes
 * streams on one connection) the viewer writes through the servlet stream instead.</li>
 * <li>Its kernel send buffer is tuned: a viewer on reduced frames gets a smaller one, so
 * less stale data is queued ahead of each frame on a slow link; it gets the usual size
 * back with full frames.</li>
 * </ul>
 */
final class ViewerConnection {

	private static final Logger log = LoggerFactory.getLogger(ViewerConnection.class);

	/** Null when the viewer must write through the servlet stream. */
	private final EndPoint endPoint;

	/** Null when the transport is not a socket channel. */
	private final SocketChannel channel;

	private final int fullSendBuffer;

	private final int reducedSendBuffer;

	private ViewerConnection(EndPoint endPoint, SocketChannel channel, int fullSendBuffer, int reducedSendBuffer) {
		this.endPoint = endPoint;
		this.channel = channel;
		this.fullSendBuffer = fullSendBuffer;
		this.reducedSendBuffer = reducedSendBuffer;
	}

	static ViewerConnection of(ServletRequest request, StreamingProperties properties) {
		EndPoint endPoint = null;
		SocketChannel channel = null;
		try {
			ConnectionMetaData connection = ServletContextRequest.getServletContextRequest(request)
				.getConnectionMetaData();
			EndPoint connectionEndPoint = connection.getConnection().getEndPoint();
			if (connection.getHttpVersion() == HttpVersion.HTTP_1_1) {
				endPoint = connectionEndPoint;
			}
			if (connectionEndPoint.getTransport() instanceof SocketChannel socketChannel) {
				channel = socketChannel;
			}
		}
		catch (IllegalStateException ex) {
			// Not a request Jetty is serving: write through the servlet stream, tune
			// nothing.
		}
		return new ViewerConnection(endPoint, channel, (int) properties.socketSendBuffer().toBytes(),
				(int) properties.reduced().socketSendBuffer().toBytes());
	}

	/** Whether frames can be written to the connection directly. */
	boolean writesDirectly() {
		return this.endPoint != null;
	}

	/**
	 * Writes without blocking; {@code done} hears when the last byte has gone to the
	 * socket, at once when it all fit, else later on a Jetty thread.
	 */
	void write(ByteBuffer part, Callback done) {
		this.endPoint.write(done, part);
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
