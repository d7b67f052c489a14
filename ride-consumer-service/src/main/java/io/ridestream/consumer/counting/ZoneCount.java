package io.ridestream.consumer.counting;

/**
 * How many rides of a window started (or ended) in one taxi zone.
 */
public record ZoneCount(int zone, long rides) {
}
