package io.camdash.settings;

import java.util.Arrays;
import java.util.stream.Stream;

import io.camdash.CamdashApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThatException;

/** Starts camdash as the start-up tests of this package do. */
final class StartupReport {

	private StartupReport() {
	}

	/**
	 * Starts camdash on a free loopback port with these {@code name=value} arguments; the
	 * caller closes it.
	 */
	static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(CamdashApplication.class)
			.run(Stream.concat(Stream.of("server.port=0", "server.address=127.0.0.1"), Arrays.stream(properties))
				.map((p) -> "--" + p)
				.toArray(String[]::new));
	}

	/**
	 * The "APPLICATION FAILED TO START" report of a start that must fail (without a web
	 * server: it fails before one would start).
	 */
	static String failure(CapturedOutput output, String... properties) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(CamdashApplication.class).web(WebApplicationType.NONE)
				.run(Arrays.stream(properties).map((p) -> "--" + p).toArray(String[]::new))
				.close());
		return output.getAll().substring(output.getAll().lastIndexOf("APPLICATION FAILED TO START"));
	}

}
