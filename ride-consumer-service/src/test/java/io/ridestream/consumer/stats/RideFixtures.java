package io.ridestream.consumer.stats;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import io.ridestream.model.Ride;

/**
 * Four rides with hand-picked values, and what their statistics must be.
 *
 * <pre>
 *        vendor pickup  passengers distance PU  DO  payment fare   tip  total
 * FIRST  1      08:00   2          1.20     10  20  1       7.50   1.50 11.30
 * SECOND 2      07:30   (none)     3.35     20  10  (none)  12.00  0    15.80
 * THIRD  2      09:15   1          0.5      10  30  2       4      0    5.3
 * FOURTH 2      08:45   3          10.01    30  30  1       30.5   6.1  40.2
 * </pre>
 *
 * Totals: amount 72.60, fares 54.00, tips 7.60, passengers 6, distance 15.06 (average 3.765, so 3.76
 * half-even), pickups 07:30 to 09:15; pickup counts 10:2, 20:1, 30:1; dropoff counts 30:2, 10:1, 20:1.
 */
final class RideFixtures {

	static final Ride FIRST = ride(1, "08:00", 2, "1.20", 10, 20, 1, "7.50", "1.50", "11.30");

	static final Ride SECOND = ride(2, "07:30", null, "3.35", 20, 10, null, "12.00", "0", "15.80");

	static final Ride THIRD = ride(2, "09:15", 1, "0.5", 10, 30, 2, "4", "0", "5.3");

	static final Ride FOURTH = ride(2, "08:45", 3, "10.01", 30, 30, 1, "30.5", "6.1", "40.2");

	static final List<Ride> ALL = List.of(FIRST, SECOND, THIRD, FOURTH);

	private RideFixtures() {
	}

	static Ride ride(int vendor, String pickup, Integer passengers, String distance, int pickupLocation,
			int dropoffLocation, Integer paymentType, String fare, String tip, String total) {
		LocalDateTime pickupTime = LocalDateTime.parse("2020-07-01T" + pickup + ":00");
		return new Ride(vendor, pickupTime, pickupTime.plusMinutes(12), passengers, new BigDecimal(distance), 1,
				"N", pickupLocation, dropoffLocation, paymentType, new BigDecimal(fare), new BigDecimal("0.5"),
				new BigDecimal("0.5"), new BigDecimal(tip), BigDecimal.ZERO, new BigDecimal("0.3"),
				new BigDecimal(total), new BigDecimal("2.5"));
	}

	static RideAggregate aggregateOf(Ride... rides) {
		RideAggregate aggregate = new RideAggregate();
		for (Ride ride : rides) {
			aggregate.add(ride);
		}
		return aggregate;
	}

}
