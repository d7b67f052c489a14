package io.ridestream.consumer.stats;

/**
 * How far one partition of the rides topic has been read.
 *
 * @param partition the partition number
 * @param rides the rides counted from it
 * @param lastOffset the offset of the last message read from it, null before the first
 */
public record PartitionProgress(int partition, long rides, Long lastOffset) {
}
