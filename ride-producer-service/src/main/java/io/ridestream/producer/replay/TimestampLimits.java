package io.ridestream.producer.replay;

import java.time.Duration;

/**
 * The record timestamps the rides topic accepts: no more than {@code before} behind the broker's clock and no more
 * than {@code after} ahead of it ({@code message.timestamp.before.max.ms} and {@code .after.max.ms}). A topic with
 * {@code message.timestamp.type=LogAppendTime} accepts any, as the broker stamps records itself.
 *
 * @param beforeMaxMillis how far behind, {@link Long#MAX_VALUE} for no limit
 * @param afterMaxMillis how far ahead, {@link Long#MAX_VALUE} for no limit
 * @param logAppendTime whether the broker stamps records itself
 */
record TimestampLimits(long beforeMaxMillis, long afterMaxMillis, boolean logAppendTime) {

	/** Kafka 4's defaults: an hour ahead at most, any time behind. */
	static final TimestampLimits KAFKA_DEFAULTS = new TimestampLimits(Long.MAX_VALUE, Duration.ofHours(1).toMillis(),
			false);

	/**
	 * Covers what lies between stamping a record and the broker checking it: up to {@code delivery.timeout.ms} in
	 * the producer, and some clock skew between this machine and the broker.
	 */
	static final long MARGIN_MILLIS = Duration.ofMinutes(1).toMillis();

	/**
	 * The timestamp of a record picked up at this instant: the pickup time if the topic accepts it by a margin,
	 * otherwise the send time.
	 */
	long timestampOf(long pickupMillis, long nowMillis) {
		return accepts(pickupMillis, nowMillis) ? pickupMillis : nowMillis;
	}

	private boolean accepts(long pickupMillis, long nowMillis) {
		if (this.logAppendTime) {
			return true;
		}
		long ahead = pickupMillis - nowMillis;
		return (ahead <= 0 || ahead <= this.afterMaxMillis - MARGIN_MILLIS)
				&& (ahead >= 0 || this.beforeMaxMillis == Long.MAX_VALUE || -ahead <= this.beforeMaxMillis - MARGIN_MILLIS);
	}

}
