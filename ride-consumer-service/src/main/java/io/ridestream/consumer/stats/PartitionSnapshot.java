package io.ridestream.consumer.stats;

import java.util.Objects;

/**
 * The statistics of one partition of the rides topic up to an offset: what the statistics changelog stores, in
 * the same transaction that commits the consumed offsets. Restoring it and reading on after {@code lastOffset}
 * gives exact statistics, whichever instance does it.
 *
 * @param partition the partition of the rides topic
 * @param lastOffset the offset of the last message counted (ride or dead letter), -1 before the first
 * @param aggregate the statistics of the messages up to {@code lastOffset}
 */
public record PartitionSnapshot(int partition, long lastOffset, RideAggregate aggregate) {

	public PartitionSnapshot {
		Objects.requireNonNull(aggregate, "aggregate");
	}

	/** A partition of which nothing has been counted. */
	public static PartitionSnapshot empty(int partition) {
		return new PartitionSnapshot(partition, -1, new RideAggregate());
	}

	/** Whether the message at this offset is counted in this snapshot already. */
	public boolean counts(long offset) {
		return offset <= this.lastOffset;
	}

	/** The offset to read on from. */
	public long nextOffset() {
		return this.lastOffset + 1;
	}

}
