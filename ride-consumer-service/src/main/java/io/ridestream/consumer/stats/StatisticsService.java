package io.ridestream.consumer.stats;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.ridestream.consumer.zones.ZoneLookup;
import io.ridestream.model.Ride;

import org.springframework.stereotype.Service;

/**
 * Keeps the statistics of each partition of the rides topic that this instance reads, and merges them on read.
 *
 * <p>Keeping one aggregate per partition is what makes the statistics exact when partitions move: the partition's
 * new owner starts it afresh and no ride is counted twice or lost. Listener threads update the partitions they
 * own; any thread may read.
 */
@Service
public class StatisticsService {

	private final ConcurrentMap<Integer, PartitionStatistics> partitions = new ConcurrentHashMap<>();

	private final ZoneLookup zones;

	private final int topLocations;

	public StatisticsService(ZoneLookup zones, StatsProperties properties) {
		this.zones = zones;
		this.topLocations = properties.topLocations();
	}

	/** Starts a partition with empty statistics, replacing whatever was kept for it. */
	public void startPartition(int partition) {
		this.partitions.put(partition, new PartitionStatistics(partition));
	}

	/** Forgets a partition this instance no longer reads. */
	public void dropPartition(int partition) {
		this.partitions.remove(partition);
	}

	/** Counts a ride read from a partition at an offset. */
	public void recordRide(int partition, long offset, Ride ride) {
		partition(partition).addRide(offset, ride);
	}

	/** Counts a message that is not a ride, parked on the dead-letter topic, at its offset. */
	public void recordDeadLetter(int partition, long offset) {
		partition(partition).addDeadLetter(offset);
	}

	/** How many partitions this instance reads. */
	public int partitionCount() {
		return this.partitions.size();
	}

	/** The statistics of all partitions read by this instance, each one consistent in itself. */
	public RideStatistics current() {
		List<PartitionSnapshot> snapshots = this.partitions.values().stream().map(PartitionStatistics::snapshot).toList();
		return RideStatistics.of(snapshots, this.zones, this.topLocations);
	}

	/** The partition's statistics; one never started (no assignment callback, as in unit tests) starts empty. */
	private PartitionStatistics partition(int partition) {
		return this.partitions.computeIfAbsent(partition, PartitionStatistics::new);
	}

}
