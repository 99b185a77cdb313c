package io.camdash.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real nginx with Debian's RTMP module ({@code libnginx-mod-rtmp}), of the test's own:
 * one process (no master, no daemon) on a free loopback port with a generated
 * configuration and an application {@code live}, never the system's service. It can be
 * stopped and started again on the same port, as a media server restart.
 */
public final class NginxRtmp implements AutoCloseable {

	private static final Path NGINX = Path.of("/usr/sbin/nginx");

	private static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");

	private final int port;

	private final LoopbackServer process;

	private NginxRtmp(int port, LoopbackServer process) {
		this.port = port;
		this.process = process;
	}

	/** Starts nginx with its configuration and logs in {@code folder}. */
	public static NginxRtmp start(Path folder) throws IOException, InterruptedException {
		if (!Files.isExecutable(NGINX) || !Files.exists(MODULE)) {
			throw new IllegalStateException("The publish tests need Debian's nginx and libnginx-mod-rtmp: "
					+ "apt-get install -y nginx libnginx-mod-rtmp (./mvnw verify installs them)");
		}
		Path prefix = folder.toAbsolutePath();
		Files.createDirectories(prefix.resolve("logs"));
		int port = LoopbackServer.freePort();
		Path config = prefix.resolve("nginx.conf");
		Files.writeString(config, """
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
				""".formatted(MODULE, prefix, prefix, port));
		return new NginxRtmp(port,
				LoopbackServer.start("nginx",
						List.of(NGINX.toString(), "-p", prefix.toString(), "-c", config.toString()), port,
						prefix.resolve("nginx.out")));
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
		this.process.kill();
	}

	/** Starts nginx again on the same port. */
	public void restart() throws IOException, InterruptedException {
		this.process.restart();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.close();
	}

}
