package io.camdash.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camdash.CamdashApplication;
import io.camdash.support.SignedInClient;
import io.camdash.support.TestUsers.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two starts of the real application on one data folder: a password printed once, a
 * remember-me that survives.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartIntegrationTests {

	@TempDir
	Path data;

	@Test
	void thePrintedPasswordWorksAndLaterStartsReuseItWithoutPrintingIt(CapturedOutput output) throws Exception {
		String password;
		String rememberMe;
		try (ConfigurableApplicationContext first = start()) {
			Matcher printed = Pattern.compile("password: (\\S+)").matcher(output.getAll());
			assertThat(printed.find()).isTrue();
			password = printed.group(1);
			int port = port(first);
			assertThat(status(port, "/cameras/status", new User("admin", password).authorization())).isEqualTo(200);
			SignedInClient browser = SignedInClient.anonymous(port);
			browser.submitLogin("admin", password, true);
			rememberMe = browser.cookie("remember-me").orElseThrow();
		}
		int printedLength = output.getAll().length();
		try (ConfigurableApplicationContext second = start()) {
			assertThat(output.getAll().substring(printedLength)).doesNotContain(password);
			int port = port(second);
			assertThat(status(port, "/cameras/status", new User("admin", password).authorization())).isEqualTo(200);
			HttpRequest remembered = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
				.header("Cookie", "remember-me=" + rememberMe)
				.build();
			assertThat(HttpClient.newHttpClient().send(remembered, BodyHandlers.discarding()).statusCode())
				.as("remember-me survives a restart")
				.isEqualTo(200);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CamdashApplication.class).run("--server.port=0",
				"--camdash.security.admin-password=", "--camdash.security.data-folder=" + this.data);
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static int status(int port, String path, String authorization) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", authorization)
			.build();
		return HttpClient.newHttpClient().send(request, BodyHandlers.discarding()).statusCode();
	}

}
