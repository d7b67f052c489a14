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
 * @param topicId the id of the rides topic the offsets are of (a topic deleted and created again under the same
 * name has a new one), or null if not known
 */
public record PartitionSnapshot(int partition, long lastOffset, RideAggregate aggregate, PartitionWindows windows,
		String topicId) {

	public PartitionSnapshot {
		Objects.requireNonNull(aggregate, "aggregate");
		Objects.requireNonNull(windows, "windows");
	}

	/** Statistics without windows, of a topic not known. */
	public PartitionSnapshot(int partition, long lastOffset, RideAggregate aggregate) {
		this(partition, lastOffset, aggregate, PartitionWindows.none());
	}

	/** Statistics of a topic not known. */
	public PartitionSnapshot(int partition, long lastOffset, RideAggregate aggregate, PartitionWindows windows) {
		this(partition, lastOffset, aggregate, windows, null);
	}

	/** A partition of which nothing has been counted. */
	public static PartitionSnapshot empty(int partition) {
		return new PartitionSnapshot(partition, -1, new RideAggregate());
	}

	/** This snapshot with other windows. */
	public PartitionSnapshot withWindows(PartitionWindows windows) {
		return new PartitionSnapshot(this.partition, this.lastOffset, this.aggregate, windows, this.topicId);
	}

	/** This snapshot, of the rides topic with that id. */
	public PartitionSnapshot withTopicId(String topicId) {
		return new PartitionSnapshot(this.partition, this.lastOffset, this.aggregate, this.windows, topicId);
	}

	/** Whether it is known to count the messages of another topic than the one with this id. */
	public boolean isOfAnotherTopicThan(String topicId) {
		return this.topicId != null && topicId != null && !this.topicId.equals(topicId);
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
