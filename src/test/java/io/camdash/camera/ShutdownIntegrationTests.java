package io.camdash.camera;

import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camdash.CamdashApplication;
import io.camdash.support.MjpegClient;
import io.camdash.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams never end by themselves: shutting down must end them, not wait out the graceful
 * timeout.
 */
class ShutdownIntegrationTests {

	@Test
	void shuttingDownEndsOpenStreamsInsteadOfWaitingForThem() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CamdashApplication.class)
			.run("--server.port=0", "--camdash.cameras[0].id=cam", "--spring.lifecycle.timeout-per-shutdown-phase=60s");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		try (MjpegClient viewer = MjpegClient.open(port, "/cameras/cam/stream.mjpg",
				TestUsers.basicAuth(TestUsers.ADMIN))) {
			assertThat(viewer.nextPart().isCompleteJpeg()).isTrue();
			// The viewer keeps watching while camdash shuts down, until its stream ends.
			CompletableFuture<Throwable> watching = CompletableFuture.supplyAsync(() -> {
				try {
					while (true) {
						viewer.nextPart();
					}
				}
				catch (IOException ex) {
					return ex;
				}
			});
			CompletableFuture.runAsync(context::close).get(15, TimeUnit.SECONDS);
			// Far below the 60 s a graceful shutdown would have waited for the stream.
			assertThat(watching.get(5, TimeUnit.SECONDS)).isInstanceOf(EOFException.class);
		}
		finally {
			context.close();
		}
	}

}
