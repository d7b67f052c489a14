package io.ridestream.consumer.stats;

import io.ridestream.model.Ride;

/**
 * The statistics of one partition of the rides topic and how far it has been read. Its consumer thread updates
 * it while HTTP threads take snapshots, so every access holds its lock and a snapshot is a copy.
 */
final class PartitionStatistics {

	private final int partition;

	private final RideAggregate aggregate = new RideAggregate();

	private long lastOffset = -1;

	PartitionStatistics(int partition) {
		this.partition = partition;
	}

	synchronized void addRide(long offset, Ride ride) {
		this.aggregate.add(ride);
		this.lastOffset = Math.max(this.lastOffset, offset);
	}

	synchronized void addDeadLetter(long offset) {
		this.aggregate.addDeadLetter();
		this.lastOffset = Math.max(this.lastOffset, offset);
	}

	synchronized PartitionSnapshot snapshot() {
		return new PartitionSnapshot(this.partition, (this.lastOffset >= 0) ? this.lastOffset : null,
				this.aggregate.copy());
	}

}
