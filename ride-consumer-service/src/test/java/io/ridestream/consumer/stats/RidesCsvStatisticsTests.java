package io.ridestream.consumer.stats;

import java.util.List;

import io.ridestream.consumer.windows.DefaultWindows;
import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.consumer.zones.ZoneLookup;
import io.ridestream.model.Ride;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics of the real sample of rides, checked against figures worked out without the code under test.
 */
class RidesCsvStatisticsTests {

	private static final int TOP = 10;

	private final RidesCsvFigures expected = RidesCsvFigures.compute();

	private final List<Ride> rides = RidesCsvFigures.rides();

	private final StatisticsService statistics = new StatisticsService(
			ZoneLookup.load(new ClassPathResource("data/taxi_zone_lookup.csv")), new StatsProperties(TOP),
				DefaultWindows.properties());

	private final SnapshotFeed changelog = new SnapshotFeed(this.statistics);

	@Test
	void sampleHasTheRidesTheFiguresWereWorkedOutFor() {
		assertThat(this.rides).hasSize(266);
		assertThat(this.expected.rides).isEqualTo(266);
	}

	@Test
	void statisticsOfRidesSpreadOverThreePartitionsMatchIndependentFigures() {
		for (int i = 0; i < this.rides.size(); i++) {
			this.changelog.recordRide(i % 3, i / 3, this.rides.get(i));
		}

		RideStatistics stats = this.statistics.current();

		this.expected.assertMatches(stats, TOP);
		assertThat(stats.partitions()).containsExactly(new PartitionProgress(0, 89, 88L),
				new PartitionProgress(1, 89, 88L), new PartitionProgress(2, 88, 87L));
	}

	@Test
	void statisticsDoNotDependOnHowRidesAreSpreadOverPartitions() {
		StatisticsService onePartition = new StatisticsService(
				ZoneLookup.load(new ClassPathResource("data/taxi_zone_lookup.csv")), new StatsProperties(TOP),
				DefaultWindows.properties());
		SnapshotFeed onePartitionChangelog = new SnapshotFeed(onePartition);
		for (int i = 0; i < this.rides.size(); i++) {
			onePartitionChangelog.recordRide(0, i, this.rides.get(i));
			this.changelog.recordRide(this.rides.get(i).pickupLocationId() % 7, i, this.rides.get(i));
		}

		RideStatistics merged = this.statistics.current();
		RideStatistics single = onePartition.current();

		// Late rides do depend on it: each partition has a stream time of its own, and rides.csv is not in order.
		assertThat(merged).usingRecursiveComparison().ignoringFields("partitions", "lateRides").isEqualTo(single);
	}

	@Test
	void handChecksAFewTotals() {
		this.rides.forEach((ride) -> this.changelog.recordRide(0, 0, ride));

		RideStatistics stats = this.statistics.current();

		assertThat(stats.totalAmount()).hasToString("5685.80");
		assertThat(stats.totalFare()).hasToString("4315.60");
		assertThat(stats.totalTips()).hasToString("414.21");
		assertThat(stats.averageTripDistance()).hasToString("4.28");
		assertThat(stats.topPickupLocations().get(0)).isEqualTo(new LocationCount(137, 19, "Manhattan", "Kips Bay"));
	}

}
