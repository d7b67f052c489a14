package io.ridestream.consumer.stats;

import java.util.Objects;

import io.ridestream.consumer.windows.PartitionWindows;

/**
 * The statistics of one partition of the rides topic up to an offset: what the statistics changelog stores, in
 * the same transaction that commits the consumed offsets. Restoring it and reading on after {@code lastOffset}
 * gives exact statistics, whichever instance does it.
 *
 * @param partition the partition of the rides topic
 * @param lastOffset the offset of the last message counted (ride or dead letter), -1 before the first
 * @param aggregate the statistics of the messages up to {@code lastOffset}
 * @param windows the rides up to {@code lastOffset} counted in event-time windows
 */
public record PartitionSnapshot(int partition, long lastOffset, RideAggregate aggregate, PartitionWindows windows) {

	public PartitionSnapshot {
		Objects.requireNonNull(aggregate, "aggregate");
		Objects.requireNonNull(windows, "windows");
	}

	/** Statistics without windows. */
	public PartitionSnapshot(int partition, long lastOffset, RideAggregate aggregate) {
		this(partition, lastOffset, aggregate, PartitionWindows.none());
	}

	/** A partition of which nothing has been counted. */
	public static PartitionSnapshot empty(int partition) {
		return new PartitionSnapshot(partition, -1, new RideAggregate());
	}

	/** This snapshot with other windows. */
	public PartitionSnapshot withWindows(PartitionWindows windows) {
		return new PartitionSnapshot(this.partition, this.lastOffset, this.aggregate, windows);
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
