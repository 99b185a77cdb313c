package io.camdash.camera;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;

import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Threads for long-running responses (MJPEG streams, streamed downloads). Boot's default
 * async executor queues without bound behind 8 threads, so a 9th viewer would wait
 * forever; here every stream gets a thread at once up to a hard limit (the viewer limit
 * answers 503 before it), threads idle for {@code thread-keep-alive} go away, and no
 * async timeout cuts a stream.
 */
@Configuration(proxyBeanMethods = false)
class StreamingConfiguration implements WebMvcConfigurer {

	/**
	 * Threads beyond the viewer limit, for other asynchronous responses (zip downloads
	 * have a pool of their own).
	 */
	static final int EXTRA_THREADS = 32;

	private final ThreadPoolExecutor streamThreads;

	StreamingConfiguration(StreamingProperties properties) {
		AtomicInteger count = new AtomicInteger();
		this.streamThreads = new ThreadPoolExecutor(0, properties.maxViewers() + EXTRA_THREADS,
				properties.threadKeepAlive().toMillis(), TimeUnit.MILLISECONDS, new SynchronousQueue<>(), (task) -> {
					Thread thread = new Thread(task, "camdash-stream-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	@Bean(destroyMethod = "shutdownNow")
	ThreadPoolExecutor streamThreads() {
		return this.streamThreads;
	}

	@Bean
	ViewerLimiter viewerLimiter(StreamingProperties properties) {
		return new ViewerLimiter(properties.maxViewers(), properties.maxViewersPerAddress());
	}

	/**
	 * The kernel send buffer of every connection is capped so a slow viewer's stale
	 * frames cannot pile up there (its latency stays bounded).
	 */
	@Bean
	JettyServerCustomizer streamingSocketBuffers(StreamingProperties properties) {
		int sendBuffer = (int) properties.socketSendBuffer().toBytes();
		return (server) -> {
			for (Connector connector : server.getConnectors()) {
				if (connector instanceof ServerConnector serverConnector) {
					serverConnector.setAcceptedSendBufferSize(sendBuffer);
				}
			}
		};
	}

	@Override
	public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
		configurer.setTaskExecutor(new TaskExecutorAdapter(this.streamThreads));
		configurer.setDefaultTimeout(-1);
	}

}
