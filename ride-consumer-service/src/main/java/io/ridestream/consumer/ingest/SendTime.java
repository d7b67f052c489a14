package io.ridestream.consumer.ingest;

import java.util.concurrent.TimeUnit;

import io.ridestream.serde.RideHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * When a ride was sent: the producer's {@link RideHeaders#SENT_AT} header, milliseconds since the epoch as decimal
 * text. A replay's record timestamp is usually the ride's pickup time, which says nothing about when it was sent.
 */
final class SendTime {

	static final long UNKNOWN = -1;

	private static final long RECENT_MILLIS = TimeUnit.HOURS.toMillis(1);

	private static final long AHEAD_MILLIS = TimeUnit.MINUTES.toMillis(1);

	private SendTime() {
	}

	/** The record's send time from its header, or {@link #UNKNOWN} without one (or with one that is no time). */
	static long of(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader(RideHeaders.SENT_AT);
		byte[] digits = (header != null) ? header.value() : null;
		if (digits == null || digits.length == 0 || digits.length > 18) {
			return UNKNOWN;
		}
		long millis = 0;
		for (byte digit : digits) {
			if (digit < '0' || digit > '9') {
				return UNKNOWN;
			}
			millis = millis * 10 + (digit - '0');
		}
		return millis;
	}

	/**
	 * The record's send time from its header; without one, its record timestamp if that is recent (within the last
	 * hour, or up to a minute ahead: the send time of a producer that does not set the header, or the pickup time of
	 * a live ride); else {@link #UNKNOWN}. Older timestamps (a replay of last year's file stamped with its pickup
	 * times) say nothing about when the ride was sent.
	 */
	static long ofOrRecentTimestamp(ConsumerRecord<?, ?> record, long nowMillis) {
		long sentAt = of(record);
		if (sentAt != UNKNOWN) {
			return sentAt;
		}
		long timestamp = record.timestamp();
		boolean recent = timestamp >= nowMillis - RECENT_MILLIS && timestamp <= nowMillis + AHEAD_MILLIS;
		return recent ? timestamp : UNKNOWN;
	}

}
