package io.camdash.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Relays TCP connections from a free loopback port to a server, until closed: then the
 * server cannot be reached through it, as when a phone loses the network. Browsers keep
 * their service workers per origin (host and port), so a relay is an origin of its own.
 */
public final class TcpRelay implements AutoCloseable {

	private final ServerSocket server;

	private final int target;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private TcpRelay(int target) {
		this.target = target;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon(this::acceptLoop, "relay-accept");
	}

	/** A relay to the server on this loopback port. */
	public static TcpRelay to(int port) {
		return new TcpRelay(port);
	}

	public int port() {
		return this.server.getLocalPort();
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.target);
				this.sockets.add(client);
				this.sockets.add(upstream);
				daemon(() -> pipe(client, upstream), "relay-up");
				daemon(() -> pipe(upstream, client), "relay-down");
			}
			catch (IOException ex) {
				// Closed: the loop ends.
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// One side closed: close both below.
		}
		finally {
			quietlyClose(from);
			quietlyClose(to);
		}
	}

	/** Stops accepting and cuts every open connection. */
	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
		this.sockets.forEach(TcpRelay::quietlyClose);
	}

	private static void quietlyClose(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
	}

	private static void daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

}
