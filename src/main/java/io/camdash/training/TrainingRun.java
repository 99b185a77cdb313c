package io.camdash.training;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.camdash.camera.NativeLibraries;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Makes a training run of the JVM ({@code -XX:ArchiveClassesAtExit} on Java 17+,
 * {@code -XX:AOTCacheOutput} on Java 25+) one command: once camdash answers, it asks
 * itself for the pages and answers a browser needs first, loads the native libraries, and
 * exits, so the archive holds the classes of a first request as well as those of the
 * start (the first answer of a later start is then about twice as fast). Any other run is
 * left alone.
 */
@Component
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

	/** What the first visit of a browser asks for. */
	static final List<String> PATHS = List.of("/actuator/health", "/", "/login");

	private static final List<String> TRAINING_OPTIONS = List.of("-XX:ArchiveClassesAtExit=", "-XX:AOTCacheOutput=",
			"-XX:AOTMode=record");

	private final List<String> jvmOptions;

	TrainingRun() {
		this(ManagementFactory.getRuntimeMXBean().getInputArguments());
	}

	TrainingRun(List<String> jvmOptions) {
		this.jvmOptions = jvmOptions;
	}

	/** Whether this JVM writes an archive or a cache when it exits. */
	boolean isTraining() {
		return this.jvmOptions.stream().anyMatch((option) -> TRAINING_OPTIONS.stream().anyMatch(option::startsWith));
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!isTraining() || !(event.getApplicationContext() instanceof WebServerApplicationContext context)) {
			return;
		}
		Thread thread = new Thread(() -> {
			log.info("Training run: camdash asks itself for {}, then exits (the JVM writes its archive)", PATHS);
			askItself(host(context.getEnvironment().getProperty("server.address")), context.getWebServer().getPort());
			try {
				NativeLibraries.load(true);
			}
			catch (RuntimeException | LinkageError ex) {
				log.warn("Training run: the native libraries did not load ({})", ex.getMessage());
			}
			System.exit(SpringApplication.exit(context));
		}, "camdash-training");
		thread.start();
	}

	/** Where camdash answers itself: its address if it listens on one only. */
	static String host(@Nullable String address) {
		if (address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) {
			return "127.0.0.1";
		}
		return address.contains(":") ? "[" + address + "]" : address;
	}

	private static void askItself(String host, int port) {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		for (String path : PATHS) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept-Encoding", "gzip")
				.build();
			try {
				int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				log.info("Training run: {} answered {}", path, status);
			}
			catch (IOException ex) {
				log.warn("Training run: {} did not answer ({})", path, ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
