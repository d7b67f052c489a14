package io.ridestream.consumer.stats;

/**
 * How many rides started or ended in one taxi zone.
 */
public record LocationCount(int locationId, long count, String borough, String zone) {
}
