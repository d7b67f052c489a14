package io.ridestream.consumer.windows;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import io.ridestream.model.Ride;

/**
 * Rides for window tests: only pickup time, passengers, zones and total amount matter to windows.
 */
final class WindowRides {

	/** The day the tests' rides are on. */
	static final LocalDateTime DAY = LocalDateTime.parse("2020-07-01T00:00:00");

	private WindowRides() {
	}

	/** The time {@code hh:mm:ss} (or {@code hh:mm}) on {@link #DAY}. */
	static LocalDateTime at(String time) {
		return LocalDateTime.parse("2020-07-01T" + time);
	}

	/** A ride picked up at {@code time} on {@link #DAY}, 1 passenger, zones 1 to 2, total 10.00. */
	static Ride rideAt(String time) {
		return ride(at(time), 1, 1, 2, "10.00");
	}

	static Ride ride(LocalDateTime pickup, Integer passengers, int pickupZone, int dropoffZone, String total) {
		BigDecimal amount = new BigDecimal(total);
		return new Ride(1, pickup, pickup.plusMinutes(12), passengers, new BigDecimal("1.5"), 1, "N", pickupZone,
				dropoffZone, 1, amount, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO, amount, null);
	}

	static WindowedCounts countsOf(WindowSpec spec, Ride... rides) {
		WindowedCounts counts = new WindowedCounts(spec);
		for (Ride ride : rides) {
			counts.add(ride);
		}
		return counts;
	}

}
