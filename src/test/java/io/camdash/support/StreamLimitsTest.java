package io.camdash.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The application on a random port with the default test-pattern camera and tight stream
 * limits: 4 viewers in all, 3 per address, and a viewer that takes nothing for 5 s is
 * dropped. Every test class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camdash.streaming.max-viewers=4",
		"camdash.streaming.max-viewers-per-address=3", "camdash.streaming.write-timeout=5s" })
public @interface StreamLimitsTest {

}
