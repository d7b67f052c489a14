package io.ridestream.consumer.stats;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

import io.ridestream.consumer.windows.DefaultWindows;
import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.windows.WindowedCounts;
import io.ridestream.consumer.zones.ZoneLookup;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static io.ridestream.consumer.stats.RideFixtures.FIRST;
import static io.ridestream.consumer.stats.RideFixtures.FOURTH;
import static io.ridestream.consumer.stats.RideFixtures.SECOND;
import static io.ridestream.consumer.stats.RideFixtures.THIRD;
import static org.assertj.core.api.Assertions.assertThat;

class StatisticsServiceTests {

	private static final ZoneLookup ZONES = ZoneLookup.load(new ClassPathResource("data/taxi_zone_lookup.csv"));

	private final StatisticsService statistics = new StatisticsService(ZONES, new StatsProperties(10), DefaultWindows.properties());

	private final SnapshotFeed changelog = new SnapshotFeed(this.statistics);

	@Test
	void mergesThePartitionsOnceForAnyNumberOfReadsBetweenTwoChangelogUpdates() {
		recordFixtureInTwoPartitions();

		RideStatistics first = this.statistics.current();
		WindowedCounts firstWindows = this.statistics.windows(WindowSpec.Kind.TUMBLING);

		for (int i = 0; i < 1_000; i++) {
			assertThat(this.statistics.current()).isSameAs(first);
			assertThat(this.statistics.windows(WindowSpec.Kind.TUMBLING)).isSameAs(firstWindows);
		}
		this.changelog.recordRide(0, 2, FIRST);
		assertThat(this.statistics.current()).isNotSameAs(first);
		assertThat(this.statistics.current().totalRides()).isEqualTo(first.totalRides() + 1);
		assertThat(this.statistics.windows(WindowSpec.Kind.TUMBLING)).isNotSameAs(firstWindows);
	}

	@Test
	void mergesThePartitionsOnRead() {
		recordFixtureInTwoPartitions();

		RideStatistics stats = this.statistics.current();

		assertThat(stats.totalRides()).isEqualTo(4);
		assertThat(stats.totalAmount()).isEqualTo(new BigDecimal("72.60"));
		assertThat(stats.totalFare()).isEqualTo(new BigDecimal("54.00"));
		assertThat(stats.totalTips()).isEqualTo(new BigDecimal("7.60"));
		assertThat(stats.totalPassengers()).isEqualTo(6);
		assertThat(stats.firstPickup()).isEqualTo(LocalDateTime.parse("2020-07-01T07:30:00"));
		assertThat(stats.lastPickup()).isEqualTo(LocalDateTime.parse("2020-07-01T09:15:00"));
	}

	@Test
	void ordersCodesNumericallyWithUnknownLast() {
		recordFixtureInTwoPartitions();

		RideStatistics stats = this.statistics.current();

		assertThat(stats.ridesByVendor()).containsExactly(Map.entry("1", 1L), Map.entry("2", 3L));
		assertThat(stats.ridesByPaymentType().keySet()).containsExactly("1", "2", "unknown");
	}

	@Test
	void roundsAverageTripDistanceHalfEvenToTwoPlaces() {
		recordFixtureInTwoPartitions();

		// 15.06 miles over 4 rides is 3.765: half-even keeps the even 6
		assertThat(this.statistics.current().averageTripDistance()).isEqualTo(new BigDecimal("3.76"));
	}

	@Test
	void showsAmountsWithAtLeastCents() {
		this.changelog.recordRide(0, 0, THIRD);

		RideStatistics stats = this.statistics.current();

		assertThat(stats.totalAmount()).hasToString("5.30");
		assertThat(stats.totalFare()).hasToString("4.00");
		assertThat(stats.totalTips()).hasToString("0.00");
	}

	@Test
	void hasNoAverageDistanceOrPickupTimesBeforeTheFirstRide() {
		this.statistics.update(PartitionSnapshot.empty(0));

		RideStatistics stats = this.statistics.current();

		assertThat(stats.totalRides()).isZero();
		assertThat(stats.averageTripDistance()).isNull();
		assertThat(stats.firstPickup()).isNull();
		assertThat(stats.lastPickup()).isNull();
		assertThat(stats.totalAmount()).hasToString("0.00");
		assertThat(stats.partitions()).containsExactly(new PartitionProgress(0, 0, null));
	}

	@Test
	void namesTopLocationsFromTheZoneLookup() {
		recordFixtureInTwoPartitions();

		assertThat(this.statistics.current().topPickupLocations()).containsExactly(
				new LocationCount(10, 2, "Queens", "Baisley Park"), new LocationCount(20, 1, "Bronx", "Belmont"),
				new LocationCount(30, 1, "Queens", "Broad Channel"));
	}

	@Test
	void namesLocationsMissingFromTheZoneLookupUnknown() {
		this.changelog.recordRide(0, 0, RideFixtures.ride(1, "10:00", 1, "1", 999, 10, 1, "5", "0", "6"));

		assertThat(this.statistics.current().topPickupLocations())
			.containsExactly(new LocationCount(999, 1, "Unknown", "Unknown"));
	}

	@Test
	void listsAsManyTopLocationsAsConfigured() {
		StatisticsService topTwo = new StatisticsService(ZONES, new StatsProperties(2), DefaultWindows.properties());
		SnapshotFeed feed = new SnapshotFeed(topTwo);
		RideFixtures.ALL.forEach((ride) -> feed.recordRide(0, 0, ride));

		assertThat(topTwo.current().topDropoffLocations()).extracting(LocationCount::locationId).containsExactly(30, 10);
	}

	@Test
	void reportsProgressPerPartitionInPartitionOrder() {
		this.changelog.recordRide(2, 40, FIRST);
		this.changelog.recordRide(0, 7, SECOND);
		this.changelog.recordRide(0, 8, THIRD);
		this.changelog.recordDeadLetter(0, 9);

		assertThat(this.statistics.current().partitions()).containsExactly(new PartitionProgress(0, 2, 9L),
				new PartitionProgress(2, 1, 40L));
	}

	@Test
	void countsDeadLettersOfAllPartitions() {
		this.changelog.recordDeadLetter(0, 3);
		this.changelog.recordDeadLetter(1, 5);

		assertThat(this.statistics.current().deadLetters()).isEqualTo(2);
		assertThat(this.statistics.current().totalRides()).isZero();
	}

	@Test
	void keepsOnlyTheLatestSnapshotOfEachPartition() {
		recordFixtureInTwoPartitions();
		RideAggregate oneRide = new RideAggregate();
		oneRide.add(FIRST);

		this.statistics.update(new PartitionSnapshot(1, 5, oneRide));

		RideStatistics stats = this.statistics.current();
		assertThat(stats.totalRides()).isEqualTo(3);
		assertThat(stats.partitions()).containsExactly(new PartitionProgress(0, 2, 1L),
				new PartitionProgress(1, 1, 5L));
	}

	@Test
	void givesTheLatestSnapshotOfAPartitionAndNoneForAPartitionNeverCounted() {
		recordFixtureInTwoPartitions();

		assertThat(this.statistics.snapshot(0)).hasValueSatisfying((snapshot) -> {
			assertThat(snapshot.lastOffset()).isEqualTo(1);
			assertThat(snapshot.aggregate().rides()).isEqualTo(2);
		});
		assertThat(this.statistics.snapshot(2)).isEmpty();
	}

	@Test
	void readsAConsistentSnapshotWhileRidesAreRecorded() throws InterruptedException {
		Thread writer = new Thread(() -> {
			for (int offset = 0; offset < 20_000; offset++) {
				this.changelog.recordRide(0, offset, FIRST);
			}
		});
		writer.start();
		while (writer.isAlive()) {
			RideStatistics stats = this.statistics.current();
			// every FIRST ride adds 11.30, so a torn read would break this ratio
			BigDecimal expectedAmount = new BigDecimal("11.30").multiply(BigDecimal.valueOf(stats.totalRides()));
			assertThat(stats.totalAmount()).isEqualByComparingTo(expectedAmount);
			assertThat(stats.totalPassengers()).isEqualTo(2 * stats.totalRides());
		}
		writer.join();
		assertThat(this.statistics.current().totalRides()).isEqualTo(20_000);
	}

	private void recordFixtureInTwoPartitions() {
		this.changelog.recordRide(0, 0, FIRST);
		this.changelog.recordRide(1, 0, SECOND);
		this.changelog.recordRide(0, 1, THIRD);
		this.changelog.recordRide(1, 1, FOURTH);
	}

}
