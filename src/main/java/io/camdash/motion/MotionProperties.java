package io.camdash.motion;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What happens with motion events, for every camera, under {@code camdash.motion}. Which
 * cameras watch for motion, and how, is set per camera under
 * {@code camdash.cameras[].motion}.
 *
 * @param webhook a URL told of each event
 * @param retention how much of the motion pictures and clips is kept
 * @param maxListeners most pages (server-sent event streams) told of motion at once; the
 * next one gets 503
 */
@ConfigurationProperties("camdash.motion")
@Validated
public record MotionProperties(@DefaultValue @NotNull @Valid Webhook webhook,
		@DefaultValue @NotNull @Valid Retention retention, @DefaultValue("100") @Min(1) @Max(10000) int maxListeners) {

	/**
	 * A URL that gets a POST of a small JSON document when an event starts and when it
	 * ends, under {@code camdash.motion.webhook}. Sent from a thread of its own: a slow
	 * or failing receiver never delays capture or detection.
	 *
	 * @param url where to POST, http or https; none when empty
	 * @param timeout how long one attempt may take, connecting and answering
	 * @param retries further attempts after a failure (no answer, or a 5xx status), a
	 * second apart and then longer
	 * @param queue events waiting to be sent at most; beyond it the oldest is dropped and
	 * logged
	 */
	public record Webhook(@Nullable URI url,
			@DefaultValue("5s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 2) Duration timeout,
			@DefaultValue("3") @Min(0) @Max(20) int retries, @DefaultValue("100") @Min(1) @Max(100000) int queue) {

		public Webhook {
			if (url != null && (url.getScheme() == null
					|| !(url.getScheme().equals("http") || url.getScheme().equals("https")) || url.getHost() == null)) {
				throw new IllegalArgumentException(
						"camdash.motion.webhook.url must be an http:// or https:// URL with a host, was '" + url + "'");
			}
		}

	}

	/**
	 * How long motion pictures and clips are kept, under
	 * {@code camdash.motion.retention}. The oldest events go first; photos taken by hand
	 * are never removed.
	 *
	 * @param maxDays events older than this many days are removed; 0 keeps them
	 * @param maxSize when the motion pictures and clips of all cameras together take more
	 * than this, the oldest are removed; 0 sets no limit
	 * @param interval how often retention runs (also once at start)
	 */
	public record Retention(@DefaultValue("30") @Min(0) @Max(36500) int maxDays,
			@DefaultValue("0") @NotNull DataSize maxSize,
			@DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration interval) {

		public Retention {
			if (maxSize.toBytes() < 0) {
				throw new IllegalArgumentException("camdash.motion.retention.max-size must not be negative");
			}
		}

	}

}
