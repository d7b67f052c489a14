package io.ridestream.consumer.ingest;

import java.time.Duration;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The error handler's back-off for the rides listener. A message that is not a ride never becomes one, so it is
 * recovered (dead-lettered) at once: after one immediate redelivery, as the error handler recovers only a message
 * that failed twice. If recovery fails because the dead-letter topic cannot be written, every further attempt is
 * preceded by a pause, for as long as it takes.
 */
final class DeadLetterBackOff implements BackOff {

	private final long retryIntervalMillis;

	DeadLetterBackOff(Duration retryInterval) {
		this.retryIntervalMillis = retryInterval.toMillis();
	}

	@Override
	public BackOffExecution start() {
		return new BackOffExecution() {

			private long failures;

			/** 0 (redeliver), STOP (recover), then pause and STOP in turn: one recovery attempt per pause. */
			@Override
			public long nextBackOff() {
				this.failures++;
				if (this.failures == 1) {
					return 0;
				}
				return (this.failures % 2 == 0) ? STOP : DeadLetterBackOff.this.retryIntervalMillis;
			}

		};
	}

}
