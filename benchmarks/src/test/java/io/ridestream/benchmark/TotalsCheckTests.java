package io.ridestream.benchmark;

import java.math.BigDecimal;
import java.util.Map;

import io.ridestream.benchmark.streams.RideStats;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TotalsCheckTests {

	/** The part of /stats the check reads, as the service writes it: amounts as strings, money with cents. */
	private static final String STATS = """
			{"totalRides":3,"ridesByVendor":{"1":2,"2":1},"ridesByPaymentType":{"1":2,"unknown":1},
			"totalPassengers":4,"totalAmount":"40.30","totalFare":"30.00","totalTips":"4.125",
			"averageTripDistance":"1.67","firstPickup":"2020-07-01T00:00:12","lastPickup":"2020-07-01T02:10:00",
			"topPickupLocations":[],"deadLetters":0}""";

	private static final JsonNode SERVICE = ServiceProcess.readJson(STATS);

	@Test
	void findsNoDifferenceInEqualTotals() {
		assertThat(TotalsCheck.differences(SERVICE, peer("40.30", "5.00"))).isEmpty();
	}

	@Test
	void comparesAmountsAsNumbersWhateverTheirScale() {
		assertThat(TotalsCheck.differences(SERVICE, peer("40.3000", "5"))).isEmpty();
	}

	@Test
	void namesAnAmountThatDiffersWithBothValues() {
		assertThat(TotalsCheck.differences(SERVICE, peer("40.31", "5.00")))
			.containsExactly("totalAmount: service 40.30, peer 40.31");
	}

	@Test
	void comparesTheDistanceAsTheServicesAverageToTwoPlaces() {
		// 5.02 / 3 = 1.673 rounds to 1.67 like 5.00 / 3; 5.04 / 3 = 1.68 does not.
		assertThat(TotalsCheck.differences(SERVICE, peer("40.30", "5.02"))).isEmpty();
		assertThat(TotalsCheck.differences(SERVICE, peer("40.30", "5.04")))
			.containsExactly("averageTripDistance: service 1.67, peer 1.68");
	}

	@Test
	void namesRidesPerVendorThatDiffer() {
		RideStats peer = peer("40.30", "5.00");
		RideStats otherVendors = new RideStats(peer.rides(), peer.passengers(), peer.totalAmount(), peer.totalFare(),
				peer.totalTips(), peer.totalDistance(), Map.of("1", 3L), peer.ridesByPaymentType());

		assertThat(TotalsCheck.differences(SERVICE, otherVendors))
			.containsExactly("ridesByVendor: service {1=2, 2=1}, peer {1=3}");
	}

	@Test
	void namesEveryFigureThatDiffers() {
		RideStats fewer = new RideStats(2, 3, new BigDecimal("40.30"), new BigDecimal("30"), new BigDecimal("4.125"),
				new BigDecimal("5"), Map.of("1", 2L, "2", 1L), Map.of("1", 2L, "unknown", 1L));

		assertThat(TotalsCheck.differences(SERVICE, fewer)).containsExactly("totalRides: service 3, peer 2",
				"totalPassengers: service 4, peer 3", "averageTripDistance: service 1.67, peer 2.50");
	}

	private static RideStats peer(String totalAmount, String totalDistance) {
		return new RideStats(3, 4, new BigDecimal(totalAmount), new BigDecimal("30"), new BigDecimal("4.125"),
				new BigDecimal(totalDistance), Map.of("1", 2L, "2", 1L), Map.of("1", 2L, "unknown", 1L));
	}

}
