package io.ridestream.consumer.stats;

import java.util.HashMap;
import java.util.Map;

import io.ridestream.model.Ride;

/**
 * Feeds {@link StatisticsService} the snapshots the changelog would bring, one message at a time.
 */
final class SnapshotFeed {

	private final StatisticsService statistics;

	private final Map<Integer, PartitionSnapshot> latest = new HashMap<>();

	SnapshotFeed(StatisticsService statistics) {
		this.statistics = statistics;
	}

	void recordRide(int partition, long offset, Ride ride) {
		RideAggregate aggregate = latest(partition).aggregate().copy();
		aggregate.add(ride);
		publish(new PartitionSnapshot(partition, offset, aggregate));
	}

	void recordDeadLetter(int partition, long offset) {
		RideAggregate aggregate = latest(partition).aggregate().copy();
		aggregate.addDeadLetter();
		publish(new PartitionSnapshot(partition, offset, aggregate));
	}

	private PartitionSnapshot latest(int partition) {
		return this.latest.getOrDefault(partition, PartitionSnapshot.empty(partition));
	}

	private void publish(PartitionSnapshot snapshot) {
		this.latest.put(snapshot.partition(), snapshot);
		this.statistics.update(snapshot);
	}

}
