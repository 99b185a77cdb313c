package io.camdash.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real RTSP H.264 camera for tests: a small RTSP server on a random loopback port that
 * takes a stream published by the {@code ffmpeg} command (ANNOUNCE + RECORD, RTP over the
 * TCP connection) and relays its RTP packets to every client that PLAYs it, as a media
 * server such as MediaMTX does. FFmpeg makes the RTP, so what the client gets is what an
 * IP camera sends; this only forwards it. (VLC would serve RTSP by itself, but refuses to
 * run as root, which test machines often are.)
 */
public final class RtspRelay implements AutoCloseable {

	private final ServerSocket server;

	private final List<OutputStream> players = new CopyOnWriteArrayList<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile String sdp;

	private final Process publisher;

	private RtspRelay(Path video) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "rtsp-relay");
		acceptor.setDaemon(true);
		acceptor.start();
		this.publisher = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1",
				"-i", video.toString(), "-c", "copy", "-f", "rtsp", "-rtsp_transport", "tcp",
				"rtsp://127.0.0.1:" + this.server.getLocalPort() + "/publish")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

	/**
	 * Starts the relay and ffmpeg publishing the video to it, looped at its own speed.
	 */
	public static RtspRelay publishing(Path video) throws IOException, InterruptedException {
		RtspRelay relay = new RtspRelay(video);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (relay.sdp == null) {
			if (System.nanoTime() > deadline || !relay.publisher.isAlive()) {
				relay.close();
				throw new IllegalStateException("ffmpeg did not publish to the RTSP relay");
			}
			synchronized (relay) {
				relay.wait(100);
			}
		}
		return relay;
	}

	/** The URL a camera reads the stream from. */
	public String url() {
		return "rtsp://127.0.0.1:" + this.server.getLocalPort() + "/cam";
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.sockets.add(socket);
				Thread thread = new Thread(() -> serve(socket), "rtsp-relay-connection");
				thread.setDaemon(true);
				thread.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		OutputStream player = null;
		try (socket) {
			DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
			OutputStream out = socket.getOutputStream();
			boolean publishing = false;
			while (true) {
				int first = in.read();
				if (first < 0) {
					return;
				}
				if (first == '$') {
					int channel = in.readUnsignedByte();
					byte[] data = new byte[in.readUnsignedShort()];
					in.readFully(data);
					if (publishing) {
						relay(channel, data);
					}
					continue;
				}
				Map<String, String> headers = new LinkedHashMap<>();
				String requestLine = (char) first + readLine(in);
				for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
					int colon = line.indexOf(':');
					headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
							line.substring(colon + 1).trim());
				}
				byte[] body = new byte[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
				in.readFully(body);
				String method = requestLine.substring(0, requestLine.indexOf(' '));
				String cseq = headers.getOrDefault("cseq", "0");
				switch (method) {
					case "ANNOUNCE" -> {
						this.sdp = new String(body, StandardCharsets.UTF_8);
						synchronized (this) {
							notifyAll();
						}
						reply(out, cseq, "");
					}
					case "DESCRIBE" -> {
						byte[] description = this.sdp.getBytes(StandardCharsets.UTF_8);
						reply(out, cseq, "Content-Base: " + url() + "/\r\nContent-Type: application/sdp\r\n"
								+ "Content-Length: " + description.length + "\r\n", description);
					}
					case "SETUP" -> reply(out, cseq,
							"Transport: " + headers.get("transport") + "\r\nSession: 12345678;timeout=60\r\n");
					case "RECORD" -> {
						publishing = true;
						reply(out, cseq, "Session: 12345678\r\n");
					}
					case "PLAY" -> {
						reply(out, cseq, "Session: 12345678\r\nRange: npt=0.000-\r\n");
						player = out;
						this.players.add(out);
					}
					case "TEARDOWN" -> {
						reply(out, cseq, "");
						return;
					}
					default ->
						reply(out, cseq, "Public: OPTIONS, DESCRIBE, SETUP, PLAY, ANNOUNCE, RECORD, TEARDOWN\r\n");
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// The peer went away.
		}
		finally {
			if (player != null) {
				this.players.remove(player);
			}
		}
	}

	private void relay(int channel, byte[] data) {
		byte[] header = { '$', (byte) channel, (byte) (data.length >>> 8), (byte) data.length };
		for (OutputStream player : this.players) {
			try {
				synchronized (player) {
					player.write(header);
					player.write(data);
					player.flush();
				}
			}
			catch (IOException ex) {
				this.players.remove(player);
			}
		}
	}

	private static void reply(OutputStream out, String cseq, String headers, byte... body) throws IOException {
		ByteArrayOutputStream response = new ByteArrayOutputStream();
		response.writeBytes(
				("RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
		response.writeBytes(body);
		synchronized (out) {
			out.write(response.toByteArray());
			out.flush();
		}
	}

	private static String readLine(DataInputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != '\n') {
			if (c < 0) {
				throw new EOFException();
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	/** How many clients are playing the stream now. */
	public int players() {
		return this.players.size();
	}

	@Override
	public void close() throws IOException {
		this.publisher.destroy();
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		try {
			this.publisher.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
