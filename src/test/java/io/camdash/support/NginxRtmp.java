package io.camdash.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx with Debian's RTMP module ({@code libnginx-mod-rtmp}), of the test's own:
 * one process (no master, no daemon) on a free loopback port with a generated
 * configuration and an application {@code live}, never the system's service. It can be
 * stopped and started again on the same port, as a media server restart.
 */
public final class NginxRtmp implements AutoCloseable {

	private static final Path NGINX = Path.of("/usr/sbin/nginx");

	private static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");

	private final Path folder;

	private final int port;

	private Process process;

	private NginxRtmp(Path folder, int port) {
		this.folder = folder;
		this.port = port;
	}

	/** Starts nginx with its configuration and logs in {@code folder}. */
	public static NginxRtmp start(Path folder) throws IOException, InterruptedException {
		if (!Files.isExecutable(NGINX) || !Files.exists(MODULE)) {
			throw new IllegalStateException("The publish tests need Debian's nginx and libnginx-mod-rtmp: "
					+ "apt-get install -y nginx libnginx-mod-rtmp (./mvnw verify installs them)");
		}
		Files.createDirectories(folder.resolve("logs"));
		NginxRtmp nginx = new NginxRtmp(folder.toAbsolutePath(), freePort());
		Files.writeString(nginx.config(), """
				load_module %s;
				daemon off;
				master_process off;
				pid %s/nginx.pid;
				error_log %s/logs/error.log info;
				events { worker_connections 64; }
				rtmp {
				    server {
				        listen 127.0.0.1:%d;
				        application live { live on; record off; }
				    }
				}
				""".formatted(MODULE, nginx.folder, nginx.folder, nginx.port));
		nginx.startProcess();
		return nginx;
	}

	/** The URL of a stream in the application {@code live}. */
	public String url(String stream) {
		return "rtmp://127.0.0.1:" + this.port + "/live/" + stream;
	}

	public int port() {
		return this.port;
	}

	/** Ends nginx at once, as a crash would. */
	public void kill() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/** Starts nginx again on the same port. */
	public void restart() throws IOException, InterruptedException {
		kill();
		startProcess();
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

	private Path config() {
		return this.folder.resolve("nginx.conf");
	}

	private void startProcess() throws IOException, InterruptedException {
		this.process = new ProcessBuilder(NGINX.toString(), "-p", this.folder.toString(), "-c", config().toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.folder.resolve("nginx.out").toFile()))
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("nginx did not start; see " + this.folder.resolve("nginx.out"));
			}
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
				return;
			}
			catch (IOException ex) {
				// Not listening yet (or the old one's port is still being released).
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("nginx not listening on " + this.port + " within 20 s");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
