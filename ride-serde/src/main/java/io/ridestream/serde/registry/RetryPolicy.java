package io.ridestream.serde.registry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long the registry client tries again after a failure that may pass: a registry that cannot be
 * reached, answers 5xx, or asks to slow down (429). Other 4xx answers are final and never retried. Waits double
 * from {@code initialWait} up to {@code maxWait}, each drawn at random from its upper half so that many clients
 * restarted together do not retry in step. Confluent's property names: {@value #MAX_RETRIES},
 * {@value #RETRIES_WAIT_MS}, {@value #RETRIES_MAX_WAIT_MS}, also with the {@code schema.registry.} prefix.
 *
 * @param maxRetries tries after the first, 0 for none
 * @param initialWait the wait before the first retry
 * @param maxWait the longest wait, also the longest {@code Retry-After} obeyed
 */
public record RetryPolicy(int maxRetries, Duration initialWait, Duration maxWait) {

	public static final String MAX_RETRIES = "max.retries";

	public static final String RETRIES_WAIT_MS = "retries.wait.ms";

	public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

	/** Confluent's defaults: 3 retries, 1 s doubling up to 20 s. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(20));

	public RetryPolicy {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative");
		}
		if (initialWait.isNegative() || maxWait.compareTo(initialWait) < 0) {
			throw new IllegalArgumentException("waits must satisfy 0 <= initialWait <= maxWait");
		}
	}

	/**
	 * The wait before a retry.
	 * @param retry 1 for the first retry
	 * @param retryAfter what the registry asked for in a {@code Retry-After} header, or null
	 */
	Duration waitBefore(int retry, Duration retryAfter) {
		if (retryAfter != null && !retryAfter.isNegative()) {
			return (retryAfter.compareTo(this.maxWait) <= 0) ? retryAfter : this.maxWait;
		}
		long ceiling = Math.min(this.initialWait.toMillis(), this.maxWait.toMillis());
		for (int i = 1; i < retry && ceiling < this.maxWait.toMillis(); i++) {
			ceiling = Math.min(ceiling * 2, this.maxWait.toMillis());
		}
		long floor = ceiling / 2;
		return Duration.ofMillis((ceiling > floor) ? ThreadLocalRandom.current().nextLong(floor, ceiling + 1) : ceiling);
	}

}
