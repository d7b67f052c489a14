package io.ridestream.consumer.stats;

import java.time.LocalDateTime;

import io.ridestream.consumer.RideCopies;
import io.ridestream.consumer.windows.DefaultWindows;
import io.ridestream.consumer.zones.ZoneLookup;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text summary names rides kept out of the windows, and only when there are some.
 */
class StatisticsTextTests {

	private static final ZoneLookup ZONES = ZoneLookup.load(new ClassPathResource("data/taxi_zone_lookup.csv"));

	private final StatisticsService statistics = new StatisticsService(ZONES, new StatsProperties(10),
			DefaultWindows.properties());

	private final SnapshotFeed changelog = new SnapshotFeed(this.statistics);

	@Test
	void saysHowManyRidesWereKeptOutOfTheWindows() {
		this.changelog.recordRide(0, 0, RideFixtures.FIRST);
		this.changelog.recordRide(0, 1,
				RideCopies.pickedUpAt(RideFixtures.SECOND, LocalDateTime.parse("2002-01-01T03:00:00")));

		assertThat(StatisticsText.render(this.statistics.current())).containsPattern("(?m)^Not windowed +1$");
	}

	@Test
	void saysNothingOfWindowsWhenEveryRideIsInThem() {
		this.changelog.recordRide(0, 0, RideFixtures.FIRST);

		assertThat(StatisticsText.render(this.statistics.current())).doesNotContain("Not windowed");
	}

}
