package io.ridestream.consumer.stats;

import java.util.HashMap;
import java.util.Map;

import io.ridestream.consumer.windows.DefaultWindows;
import io.ridestream.consumer.windows.PartitionWindows;
import io.ridestream.consumer.windows.WindowedCounts;
import io.ridestream.model.Ride;

/**
 * Feeds {@link StatisticsService} the records the changelog would bring, one message at a time, through their
 * JSON: a partition's statistics, and a record for each window a message changed or evicted, in one batch.
 */
final class SnapshotFeed {

	private final StatisticsService statistics;

	private final Map<Integer, PartitionSnapshot> latest = new HashMap<>();

	SnapshotFeed(StatisticsService statistics) {
		this.statistics = statistics;
	}

	void recordRide(int partition, long offset, Ride ride) {
		PartitionSnapshot latest = latest(partition);
		RideAggregate aggregate = latest.aggregate().copy();
		aggregate.add(ride);
		PartitionWindows windows = latest.windows()
			.forCounting(DefaultWindows.properties().specs(), DefaultWindows.properties().pickupBounds());
		windows.add(ride, ride.pickupLocationId(), ride.dropoffLocationId());
		publish(new PartitionSnapshot(partition, offset, aggregate, windows));
	}

	void recordDeadLetter(int partition, long offset) {
		PartitionSnapshot latest = latest(partition);
		RideAggregate aggregate = latest.aggregate().copy();
		aggregate.addDeadLetter();
		publish(new PartitionSnapshot(partition, offset, aggregate, latest.windows()));
	}

	private PartitionSnapshot latest(int partition) {
		return this.latest.getOrDefault(partition, PartitionSnapshot.empty(partition));
	}

	private void publish(PartitionSnapshot snapshot) {
		this.latest.put(snapshot.partition(), snapshot);
		StatisticsService.ChangelogBatch batch = new StatisticsService.ChangelogBatch();
		batch.snapshot(SnapshotJson.read(SnapshotJson.write(snapshot)));
		for (WindowedCounts windows : snapshot.windows().all().values()) {
			WindowedCounts.Changes changes = windows.changes();
			changes.changed()
				.forEach((window) -> batch
					.window(SnapshotJson.readWindow(SnapshotJson.writeWindow(snapshot.partition(), windows.spec(), window))));
			changes.evicted()
				.forEach((start) -> batch.evicted(SnapshotJson
					.parseWindowKey(SnapshotJson.windowKey(snapshot.partition(), windows.spec().kind(), start)),
						this.statistics.windowSpecs()));
		}
		this.statistics.apply(batch);
	}

}
