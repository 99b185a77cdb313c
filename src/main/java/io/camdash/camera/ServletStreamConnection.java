package io.camdash.camera;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * Writes a viewer's parts through the servlet stream in non-blocking mode, for
 * connections other than HTTP/1.1.
 */
final class ServletStreamConnection extends ViewerConnection implements WriteListener {

	private volatile @Nullable ServletOutputStream out;

	private volatile @Nullable Listener listener;

	ServletStreamConnection(@Nullable SocketChannel channel, StreamingProperties properties) {
		super(channel, properties);
	}

	@Override
	void open(HttpServletResponse response, Listener listener) throws IOException {
		this.listener = listener;
		ServletOutputStream stream = containerStream(response);
		this.out = stream;
		// From here writes never block; the container calls onWritePossible at once.
		stream.setWriteListener(this);
	}

	@Override
	boolean isReady() {
		ServletOutputStream stream = this.out;
		return stream != null && stream.isReady();
	}

	@Override
	void write(ByteBuffer part) throws IOException {
		// Jetty sends the part at once, straight from the shared buffer (no aggregation,
		// so no flush).
		this.out.write(part);
	}

	/**
	 * Nothing to close here: over HTTP/2 the connection carries other streams. The viewer
	 * ends, which frees its place and thread; the container's idle timeout ends the
	 * stream.
	 */
	@Override
	void abort() {
	}

	@Override
	public void onWritePossible() {
		Listener current = this.listener;
		if (current != null) {
			current.writable();
		}
	}

	@Override
	public void onError(Throwable ex) {
		Listener current = this.listener;
		if (current != null) {
			current.failed(ex);
		}
	}

}
