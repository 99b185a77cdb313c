package io.camdash.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The application on a random port with a working camera {@code cam} and two that never
 * give a good frame: {@code usb}, a device that does not exist on a build machine, and
 * {@code broken}, a folder whose only image cannot be decoded (a test resource). Stills
 * and photos wait at most a second. Every test class with this annotation shares one
 * Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camdash.cameras[0].id=cam", "camdash.cameras[1].id=usb", "camdash.cameras[1].name=USB camera",
				"camdash.cameras[1].source=device:0", "camdash.cameras[2].id=broken",
				"camdash.cameras[2].source=folder:target/test-classes/no-images",
				"camdash.cameras[2].stall-timeout=300ms", "camdash.streaming.snapshot-timeout=1s" })
public @interface CamerasWithoutSignalTest {

}
