package io.ridestream.consumer.stats;

import java.time.LocalDateTime;

import io.ridestream.consumer.windows.DefaultWindows;
import io.ridestream.consumer.zones.ZoneLookup;
import io.ridestream.model.Ride;
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
		this.changelog.recordRide(0, 1, pickedUpIn2002(RideFixtures.SECOND));

		assertThat(StatisticsText.render(this.statistics.current())).containsPattern("(?m)^Not windowed +1$");
	}

	@Test
	void saysNothingOfWindowsWhenEveryRideIsInThem() {
		this.changelog.recordRide(0, 0, RideFixtures.FIRST);

		assertThat(StatisticsText.render(this.statistics.current())).doesNotContain("Not windowed");
	}

	private static Ride pickedUpIn2002(Ride ride) {
		LocalDateTime pickup = LocalDateTime.parse("2002-01-01T03:00:00");
		return new Ride(ride.vendorId(), pickup, pickup.plusMinutes(12), ride.passengerCount(), ride.tripDistance(),
				ride.rateCodeId(), ride.storeAndForwardFlag(), ride.pickupLocationId(), ride.dropoffLocationId(),
				ride.paymentType(), ride.fareAmount(), ride.extra(), ride.mtaTax(), ride.tipAmount(),
				ride.tollsAmount(), ride.improvementSurcharge(), ride.totalAmount(), ride.congestionSurcharge());
	}

}
