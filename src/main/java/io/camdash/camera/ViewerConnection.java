package io.camdash.camera;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one write path of an MJPEG viewer: non-blocking writes of whole parts to the
 * connection under its stream, as Jetty exposes it. Two ways to write, chosen per
 * request:
 * <ul>
 * <li>{@link EndPointConnection}: straight to Jetty's endpoint once the response headers
 * are out. An MJPEG body on an HTTP/1.1 connection that closes at the end is the raw
 * bytes of the parts, so the servlet layers (output stream state, request scope, event
 * hooks) add nothing but cost: on 100 viewers at 30 fps they took about as much CPU as
 * the kernel's own send path. Jetty's endpoint still does the non-blocking write,
 * finishes a partial one when the socket drains, and keeps the idle timeout.</li>
 * <li>{@link ServletStreamConnection}: through the servlet stream, over another protocol
 * (HTTP/2 multiplexes streams on one connection).</li>
 * </ul>
 * Either way the kernel send buffer is tuned: a viewer on reduced frames gets a smaller
 * one, so less stale data is queued ahead of each frame on a slow link; it gets the usual
 * size back with full frames.
 */
abstract class ViewerConnection {

	private static final Logger log = LoggerFactory.getLogger(ViewerConnection.class);

	/** Larger than a frame, so Jetty writes each part at once, not in 32 KB slices. */
	private static final int WRITE_SIZE = 128 * 1024;

	/** Null when the transport is not a socket channel. */
	private final @Nullable SocketChannel channel;

	private final int fullSendBuffer;

	private final int reducedSendBuffer;

	ViewerConnection(@Nullable SocketChannel channel, StreamingProperties properties) {
		this.channel = channel;
		this.fullSendBuffer = (int) properties.socketSendBuffer().toBytes();
		this.reducedSendBuffer = (int) properties.reduced().socketSendBuffer().toBytes();
	}

	/**
	 * The connection of the request: its endpoint over HTTP/1.1, else its servlet stream.
	 */
	static ViewerConnection of(ServletRequest request, StreamingProperties properties) {
		try {
			ConnectionMetaData connection = ServletContextRequest.getServletContextRequest(request)
				.getConnectionMetaData();
			EndPoint endPoint = connection.getConnection().getEndPoint();
			SocketChannel channel = (endPoint.getTransport() instanceof SocketChannel socket) ? socket : null;
			return (connection.getHttpVersion() == HttpVersion.HTTP_1_1)
					? new EndPointConnection(endPoint, channel, properties)
					: new ServletStreamConnection(channel, properties);
		}
		catch (IllegalStateException ex) {
			// Not a request Jetty is serving: write through the servlet stream, tune
			// nothing.
			return new ServletStreamConnection(null, properties);
		}
	}

	/**
	 * Sends the response headers and gets ready to write; from here on writes never
	 * block, and drained sockets and failures are told to the listener.
	 */
	abstract void open(HttpServletResponse response, Listener listener) throws IOException;

	/** Whether the previous write has left, so a new one may start. */
	abstract boolean isReady();

	/** Starts writing the part without blocking; only when {@link #isReady()}. */
	abstract void write(ByteBuffer part) throws IOException;

	/**
	 * Gives up on a client that stopped reading: the pending write fails, so completing
	 * the response never waits for it.
	 */
	abstract void abort();

	/** Sizes the send buffer for reduced or full frames. */
	final void sizeFor(boolean reduced) {
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

	/**
	 * Commits the headers and returns the container's own stream under any filter's
	 * wrappers: they do not pass {@code write(ByteBuffer)} on, and would copy every frame
	 * into a new array. The headers are committed through the wrappers first, so the
	 * security headers they add are sent.
	 */
	static ServletOutputStream containerStream(ServletResponse response) throws IOException {
		response.setBufferSize(WRITE_SIZE);
		response.flushBuffer();
		ServletResponse inner = response;
		while (inner instanceof ServletResponseWrapper wrapper) {
			inner = wrapper.getResponse();
		}
		return inner.getOutputStream();
	}

	/** What the connection tells its viewer; called on a container thread. */
	interface Listener {

		/** The socket drained: the viewer may write again. */
		void writable();

		/** The connection failed or closed: the viewer has left. */
		void failed(Throwable ex);

	}

}
