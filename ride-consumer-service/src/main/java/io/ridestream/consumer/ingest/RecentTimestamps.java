package io.ridestream.consumer.ingest;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The record timestamps of the rides a checkpoint counts that are recent (within the last hour, or up to a minute
 * ahead): their send time, or the pickup time of a live ride. Older ones (a replay of last year's file stamped with
 * its pickup times) say nothing about how long counting takes, and are left out.
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

	void add(long timestamp) {
		if (timestamp < this.recentFrom || timestamp > this.aheadUntil) {
			return;
		}
		if (this.size == MAX_KEPT) {
			return;
		}
		if (this.size == this.timestamps.length) {
			this.timestamps = Arrays.copyOf(this.timestamps, this.size * 2);
		}
		this.timestamps[this.size++] = timestamp;
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
