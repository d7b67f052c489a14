package io.ridestream.consumer.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * When a ride was sent: the producer's {@value #HEADER} header, milliseconds since the epoch as decimal text. A
 * replay's record timestamp is usually the ride's pickup time, which says nothing about when it was sent.
 */
final class SendTime {

	static final String HEADER = "ridestream-sent-at";

	static final long UNKNOWN = -1;

	private SendTime() {
	}

	/** The record's send time from its header, or {@link #UNKNOWN} without one (or with one that is no time). */
	static long of(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader(HEADER);
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

}
