package io.ridestream.consumer.ingest;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * When the rides a checkpoint counts were sent, to measure how long counting them took: their
 * {@code ridestream-sent-at} header, or without one their record timestamp if it is recent (within the last hour, or
 * up to a minute ahead): the send time of a producer that does not set the header, or the pickup time of a live
 * ride. Older timestamps (a replay of last year's file stamped with its pickup times) say nothing about how long
 * counting takes, and are left out.
 */
final class RecentTimestamps {

	private static final long RECENT_MILLIS = TimeUnit.HOURS.toMillis(1);

	private static final long AHEAD_MILLIS = TimeUnit.MINUTES.toMillis(1);

	/** Beyond this many (8 MiB) in one checkpoint, the others are left out: the figure is a sample then. */
	private static final int MAX_KEPT = 1 << 20;

	private long[] timestamps = new long[1024];

	private int size;

	/** Recent from this time on: taken once per batch, not per ride. */
	private long recentFrom;

	private long aheadUntil;

	/** Sets what is recent for the rides of a batch read now. */
	void now(long nowMillis) {
		this.recentFrom = nowMillis - RECENT_MILLIS;
		this.aheadUntil = nowMillis + AHEAD_MILLIS;
	}

	/** Whether a record timestamp is recent, at this time. */
	static boolean isRecent(long timestamp, long nowMillis) {
		return timestamp >= nowMillis - RECENT_MILLIS && timestamp <= nowMillis + AHEAD_MILLIS;
	}

	/** Adds a ride's record timestamp, if it is recent. */
	void add(long timestamp) {
		if (timestamp < this.recentFrom || timestamp > this.aheadUntil) {
			return;
		}
		addSendTime(timestamp);
	}

	/** Adds a ride's send time from its header, however long ago. */
	void addSendTime(long sentAt) {
		if (this.size == MAX_KEPT) {
			return;
		}
		if (this.size == this.timestamps.length) {
			this.timestamps = Arrays.copyOf(this.timestamps, this.size * 2);
		}
		this.timestamps[this.size++] = sentAt;
	}

	void forEach(LongConsumer action) {
		for (int i = 0; i < this.size; i++) {
			action.accept(this.timestamps[i]);
		}
	}

	int size() {
		return this.size;
	}

	void clear() {
		this.size = 0;
	}

}
