package io.camdash.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What sending costs before any server code: a JVM of its own that only writes a message
 * of the given size to each of N loopback sockets, one write per socket per frame, as
 * blocking NIO writes of one shared direct buffer (no framework, no copy in Java), while
 * this JVM reads them. Its CPU is the floor that any server sending every frame to every
 * viewer as its own write pays here, mostly in the kernel's TCP path.
 */
public final class LoopbackWriteFloor {

	private LoopbackWriteFloor() {
	}

	/**
	 * The writer's CPU, % of a core, over a window after a warm-up.
	 * @param sockets how many viewers
	 * @param bytes bytes per message (a fragment)
	 * @param fps messages per second per socket
	 */
	static double measure(int sockets, int bytes, int fps, int windowSeconds) throws Exception {
		try (ServerSocketChannel listener = ServerSocketChannel.open()) {
			listener.bind(new InetSocketAddress("127.0.0.1", 0));
			int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
			Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx64m", "-cp", System.getProperty("java.class.path"), LoopbackWriteFloor.class.getName(),
					Integer.toString(port), Integer.toString(sockets), Integer.toString(bytes), Integer.toString(fps))
				.inheritIO()
				.start();
			try (Selector selector = Selector.open()) {
				for (int i = 0; i < sockets; i++) {
					SocketChannel socket = listener.accept();
					socket.configureBlocking(false);
					socket.register(selector, SelectionKey.OP_READ);
				}
				Thread reader = new Thread(() -> drain(selector), "floor-reader");
				reader.setDaemon(true);
				reader.start();
				Thread.sleep(3000);
				double before = ProcStats.cpuSeconds(writer.pid());
				long start = System.nanoTime();
				Thread.sleep(windowSeconds * 1000L);
				double cpu = (ProcStats.cpuSeconds(writer.pid()) - before) / ((System.nanoTime() - start) / 1e9) * 100;
				writer.destroy();
				reader.join(5000);
				return cpu;
			}
			finally {
				writer.destroyForcibly();
			}
		}
	}

	private static void drain(Selector selector) {
		ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
		try {
			while (selector.isOpen() && !selector.keys().isEmpty()) {
				selector.select(1000);
				for (SelectionKey key : selector.selectedKeys()) {
					buffer.clear();
					if (((SocketChannel) key.channel()).read(buffer) < 0) {
						key.cancel();
						key.channel().close();
					}
				}
				selector.selectedKeys().clear();
			}
		}
		catch (IOException ex) {
			// The writer went: the window is over.
		}
	}

	/** The writer: port, sockets, bytes, fps. */
	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int sockets = Integer.parseInt(args[1]);
		ByteBuffer message = ByteBuffer.allocateDirect(Integer.parseInt(args[2]));
		long period = 1_000_000_000L / Integer.parseInt(args[3]);
		List<SocketChannel> channels = new ArrayList<>();
		for (int i = 0; i < sockets; i++) {
			SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
			// As Jetty's connections: no Nagle delay.
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			channels.add(channel);
		}
		long next = System.nanoTime();
		while (true) {
			for (SocketChannel channel : channels) {
				ByteBuffer bytes = message.duplicate();
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
			}
			next += period;
			long wait = next - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
		}
	}

}
