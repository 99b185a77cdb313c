package io.camdash.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A blocking one-frame viewer, for the first-frame and churn scenarios: connect, read
 * until the first complete frame, then leave abruptly (RST, as a killed browser tab
 * does).
 */
final class SingleFrameClient {

	private SingleFrameClient() {
	}

	/** Nanoseconds from the start of the connect to the end of the first frame's body. */
	static long firstFrameNanos(int port, String path) throws IOException {
		long start = System.nanoTime();
		long[] received = { -1 };
		MjpegPartParser parser = new MjpegPartParser(new MjpegPartParser.Listener() {

			@Override
			public void partStarted(long timestampMicros, long nowMicros) {
			}

			@Override
			public void partReceived(int length, long timestampMicros, long nowMicros) {
				if (received[0] < 0) {
					received[0] = System.nanoTime();
				}
			}

		});
		Socket socket = new Socket();
		try {
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: camdash-bench\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[64 * 1024];
			while (received[0] < 0) {
				int count = in.read(buffer);
				if (count < 0) {
					throw new IOException("stream ended before the first frame");
				}
				parser.feed(ByteBuffer.wrap(buffer, 0, count));
			}
			return received[0] - start;
		}
		finally {
			abort(socket);
		}
	}

	private static void abort(Socket socket) throws IOException {
		if (socket.isConnected()) {
			socket.setSoLinger(true, 0);
		}
		socket.close();
	}

}
