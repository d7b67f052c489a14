package io.ridestream.benchmark.streams;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RideStatsTests {

	private static final LocalDateTime NOON = LocalDateTime.of(2020, 7, 1, 12, 0);

	@Test
	void addsARidesAmountsExactly() {
		RideStats stats = RideStats.empty()
			.plus(ride(1, 1, NOON, "0.1"))
			.plus(ride(1, 1, NOON, "0.2"));

		assertThat(stats.totalAmount()).isEqualTo(new BigDecimal("0.3"));
	}

	@Test
	void countsARideWithoutVendorOrPaymentTypeAsUnknownLikeTheService() {
		RideStats stats = RideStats.empty().plus(ride(null, null, NOON, "1"));

		assertThat(stats.ridesByVendor()).isEqualTo(Map.of("unknown", 1L));
		assertThat(stats.ridesByPaymentType()).isEqualTo(Map.of("unknown", 1L));
	}

	@Test
	void addsNothingForAmountsAndPassengersARideDoesNotGive() {
		PeerRide fhv = new PeerRide(null, NOON, null, null, null, null, null, null, null);

		RideStats stats = RideStats.empty().plus(fhv);

		assertThat(stats.rides()).isEqualTo(1);
		assertThat(stats.passengers()).isZero();
		assertThat(stats.totalAmount()).isEqualTo(BigDecimal.ZERO);
		assertThat(stats.totalDistance()).isEqualTo(BigDecimal.ZERO);
	}

	@Test
	void sumsTwoLocationsStatisticsIntoTotals() {
		RideStats a = RideStats.empty().plus(ride(1, 1, NOON, "10.5")).plus(ride(2, 1, NOON.plusHours(2), "1"));
		RideStats b = RideStats.empty().plus(ride(1, 2, NOON.minusHours(1), "4.5"));

		RideStats total = a.plus(b);

		assertThat(total.rides()).isEqualTo(3);
		assertThat(total.passengers()).isEqualTo(3);
		assertThat(total.totalAmount()).isEqualByComparingTo("16");
		assertThat(total.ridesByVendor()).isEqualTo(Map.of("1", 2L, "2", 1L));
		assertThat(total.ridesByPaymentType()).isEqualTo(Map.of("1", 2L, "2", 1L));
	}

	@Test
	void leavesTheStatisticsItAddsToUnchanged() {
		RideStats before = RideStats.empty().plus(ride(1, 1, NOON, "1"));

		before.plus(ride(1, 1, NOON, "1"));

		assertThat(before.rides()).isEqualTo(1);
		assertThat(before.ridesByVendor()).isEqualTo(Map.of("1", 1L));
	}

	private static PeerRide ride(Integer vendor, Integer paymentType, LocalDateTime pickup, String total) {
		return new PeerRide(vendor, pickup, 1, new BigDecimal("1.5"), 132, paymentType, new BigDecimal(total),
				BigDecimal.ZERO, new BigDecimal(total));
	}

}
