package io.camdash.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of camdash's JSON API, version 1: its paths start with {@link #V1}, and
 * its errors are RFC 9457 problem details ({@link ApiProblemAdvice}). Each feature keeps
 * its API controller next to its pages' controller.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
@RequestMapping(ApiController.V1)
public @interface ApiController {

	/** The prefix of every version 1 API path. */
	String V1 = "/api/v1";

}
