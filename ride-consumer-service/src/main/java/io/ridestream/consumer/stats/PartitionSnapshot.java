package io.ridestream.consumer.stats;

/**
 * A consistent copy of one partition's statistics.
 *
 * @param partition the partition of the rides topic
 * @param lastOffset the offset of the last message read from it (ride or dead letter), null before the first
 * @param aggregate the statistics of the rides read from it, owned by the snapshot
 */
record PartitionSnapshot(int partition, Long lastOffset, RideAggregate aggregate) {
}
