package io.camdash.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The application on a random port with two test-pattern cameras: {@code cam} at 20 fps,
 * which has an access token, and {@code second}; up to 250 viewers, and streaming threads
 * that go after half a second idle. Every test class with this annotation shares one
 * Spring context (and so one Jetty and one set of cameras).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camdash.cameras[0].id=cam", "camdash.cameras[0].fps=20", "camdash.cameras[1].id=second",
				"camdash.cameras[1].name=" + TwoCamerasTest.SECOND_NAME,
				"camdash.security.camera-tokens.cam=" + TwoCamerasTest.TOKEN, "camdash.streaming.max-viewers=250",
				"camdash.streaming.max-viewers-per-address=250",
				// DisconnectIntegrationTests' clients stop reading while 200 connect: not
				// a stall.
				"camdash.streaming.write-timeout=10m", "camdash.streaming.thread-keep-alive=500ms" })
public @interface TwoCamerasTest {

	/** The access token of camera {@code cam}. */
	String TOKEN = "Zq4kT7pW2mX9vB3nR8sL";

	/** A file that exists only if a shell ever ran a camera's name. */
	String MARKER = "target/camdash-config-injection-marker";

	/** The name of camera {@code second}: data, never markup or a command. */
	String SECOND_NAME = "$(touch " + MARKER + "); `touch " + MARKER + "` <script>alert(1)</script> ../../etc \"'&";

}
