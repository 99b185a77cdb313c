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

	private final int httpPort;

	private final LoopbackServer process;

	private NginxRtmp(int port, int httpPort, LoopbackServer process) {
		this.port = port;
		this.httpPort = httpPort;
		this.process = process;
	}

	/** Starts nginx with its configuration and logs in {@code folder}. */
	public static NginxRtmp start(Path folder) throws IOException, InterruptedException {
		return start(folder, false);
	}

	/**
	 * Starts nginx; with {@code hls}, it also cuts each stream into HLS segments
	 * (one-second fragments under {@code folder/hls}) and serves them over HTTP at
	 * {@link #hlsUrl(String)}, as the scale-out recipe in docs/publishing.md does.
	 */
	public static NginxRtmp start(Path folder, boolean hls) throws IOException, InterruptedException {
		if (!Files.isExecutable(NGINX) || !Files.exists(MODULE)) {
			throw new IllegalStateException("The publish tests need Debian's nginx and libnginx-mod-rtmp: "
					+ "apt-get install -y nginx libnginx-mod-rtmp (./mvnw verify installs them)");
		}
		Path prefix = folder.toAbsolutePath();
		Files.createDirectories(prefix.resolve("logs"));
		Files.createDirectories(prefix.resolve("temp"));
		Files.createDirectories(prefix.resolve("hls"));
		int port = LoopbackServer.freePort();
		int httpPort = hls ? LoopbackServer.freePort() : 0;
		String application = hls ? "live on; record off; hls on; hls_path %s/hls; hls_fragment 1s; ".formatted(prefix)
				+ "hls_playlist_length 4s;" : "live on; record off;";
		String http = hls ? """
				http {
				    access_log off;
				    client_body_temp_path %1$s/temp/body;
				    proxy_temp_path %1$s/temp/proxy;
				    fastcgi_temp_path %1$s/temp/fastcgi;
				    uwsgi_temp_path %1$s/temp/uwsgi;
				    scgi_temp_path %1$s/temp/scgi;
				    types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }
				    server {
				        listen 127.0.0.1:%2$d;
				        location /hls { root %1$s; add_header Cache-Control no-cache; }
				    }
				}
				""".formatted(prefix, httpPort) : "";
		Path config = prefix.resolve("nginx.conf");
		Files.writeString(config, """
				load_module %s;
				daemon off;
				master_process off;
				pid %s/nginx.pid;
				error_log %s/logs/error.log info;
				events { worker_connections 512; }
				rtmp {
				    server {
				        listen 127.0.0.1:%d;
				        application live { %s }
				    }
				}
				%s""".formatted(MODULE, prefix, prefix, port, application, http));
		return new NginxRtmp(port, httpPort,
				LoopbackServer.start("nginx",
						List.of(NGINX.toString(), "-p", prefix.toString(), "-c", config.toString()), port,
						prefix.resolve("nginx.out")));
	}

	/** The HLS playlist of a stream, when started with HLS. */
	public String hlsUrl(String stream) {
		if (this.httpPort == 0) {
			throw new IllegalStateException("nginx was started without HLS");
		}
		return "http://127.0.0.1:" + this.httpPort + "/hls/" + stream + ".m3u8";
	}

	/** The process id of nginx (its only process: no master), for its CPU time. */
	public long pid() {
		return this.process.pid();
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
