package io.camdash.camera;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Writes a viewer's parts straight to Jetty's endpoint of an HTTP/1.1 connection (see
 * {@link ViewerConnection} for why).
 */
final class EndPointConnection extends ViewerConnection implements Callback {

	private final EndPoint endPoint;

	private volatile @Nullable Listener listener;

	private volatile boolean ready = true;

	/** True while a write call runs: a write that finishes within it needs no report. */
	private volatile boolean inline;

	EndPointConnection(EndPoint endPoint, @Nullable SocketChannel channel, StreamingProperties properties) {
		super(channel, properties);
		this.endPoint = endPoint;
	}

	@Override
	void open(HttpServletResponse response, Listener listener) throws IOException {
		containerStream(response);
		this.listener = listener;
	}

	@Override
	boolean isReady() {
		return this.ready;
	}

	@Override
	void write(ByteBuffer part) {
		this.ready = false;
		this.inline = true;
		this.endPoint.write(this, part);
		this.inline = false;
	}

	@Override
	void abort() {
		this.endPoint.close();
	}

	/** The part has left; runs on whichever thread finished the write. */
	@Override
	public void succeeded() {
		this.ready = true;
		// A write Jetty finished later, when the socket drained: the viewer sends the
		// newest frame now. (Should it finish while the write call is still returning,
		// the next camera frame goes out as usual.)
		Listener current = this.listener;
		if (!this.inline && current != null) {
			current.writable();
		}
	}

	@Override
	public void failed(Throwable ex) {
		Listener current = this.listener;
		if (current != null) {
			current.failed(ex);
		}
	}

	@Override
	public InvocationType getInvocationType() {
		return InvocationType.NON_BLOCKING;
	}

}
