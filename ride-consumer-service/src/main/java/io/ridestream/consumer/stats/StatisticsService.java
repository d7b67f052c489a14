package io.ridestream.consumer.stats;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.ridestream.consumer.zones.ZoneLookup;

import org.springframework.stereotype.Service;

/**
 * The latest snapshot of each partition of the rides topic, from the statistics changelog, merged on read into
 * the statistics of the whole topic. Every instance keeps all partitions, not only those it counts.
 */
@Service
public class StatisticsService {

	private final ConcurrentMap<Integer, PartitionSnapshot> partitions = new ConcurrentHashMap<>();

	private final ZoneLookup zones;

	private final int topLocations;

	public StatisticsService(ZoneLookup zones, StatsProperties properties) {
		this.zones = zones;
		this.topLocations = properties.topLocations();
	}

	/**
	 * Takes a partition's snapshot in place of the one kept for it. The changelog is read in order, so each
	 * snapshot is newer than the one it replaces. The snapshot's aggregate must no longer change.
	 */
	void update(PartitionSnapshot snapshot) {
		this.partitions.put(snapshot.partition(), snapshot);
	}

	/** The latest snapshot read of a partition, if any. */
	public Optional<PartitionSnapshot> snapshot(int partition) {
		return Optional.ofNullable(this.partitions.get(partition));
	}

	/** The statistics of all partitions. */
	public RideStatistics current() {
		List<PartitionSnapshot> snapshots = List.copyOf(this.partitions.values());
		return RideStatistics.of(snapshots, this.zones, this.topLocations);
	}

}
