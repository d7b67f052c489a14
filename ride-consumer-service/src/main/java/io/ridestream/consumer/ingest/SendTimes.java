package io.ridestream.consumer.ingest;

import java.util.Arrays;
import java.util.function.LongConsumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * When the rides a checkpoint counts were sent ({@link SendTime#ofOrRecentTimestamp}), to measure how long counting
 * them took. Rides whose send time is unknown are left out.
 */
final class SendTimes {

	/** Beyond this many (8 MiB) in one checkpoint, the others are left out: the figure is a sample then. */
	private static final int MAX_KEPT = 1 << 20;

	private long[] sentAt = new long[1024];

	private int size;

	/** The wall clock for the rides of the batch being read: taken once per batch, not per ride. */
	private long now;

	/** Sets the time the rides of a batch are read at. */
	void now(long nowMillis) {
		this.now = nowMillis;
	}

	/** Adds the send time of a ride, if it is known. */
	void add(ConsumerRecord<?, ?> ride) {
		long sent = SendTime.ofOrRecentTimestamp(ride, this.now);
		if (sent == SendTime.UNKNOWN || this.size == MAX_KEPT) {
			return;
		}
		if (this.size == this.sentAt.length) {
			this.sentAt = Arrays.copyOf(this.sentAt, this.size * 2);
		}
		this.sentAt[this.size++] = sent;
	}

	void forEach(LongConsumer action) {
		for (int i = 0; i < this.size; i++) {
			action.accept(this.sentAt[i]);
		}
	}

	int size() {
		return this.size;
	}

	void clear() {
		this.size = 0;
	}

}
