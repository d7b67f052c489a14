package io.ridestream.serde;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import io.ridestream.model.Ride;

/**
 * The ride schema's constraints that a {@link Ride} object does not already hold by construction, checked on the
 * object in a few comparisons instead of on its JSON tree. The record's types, its required (non-null) fields and
 * its store-and-forward flag already match the schema; what is left are the minimums of the ids and counts, the
 * distance that may not be negative, and the four-digit years the schema's date-time pattern allows.
 *
 * <p>{@link #accepts} is true only for rides whose JSON the schema accepts (a test compares the two on generated
 * and broken rides); the serdes validate what it does not accept against the schema itself, for the violations.
 */
final class RideConstraints {

	private RideConstraints() {
	}

	static boolean accepts(Ride ride) {
		return atLeast(ride.vendorId(), 1) && atLeast(ride.pickupLocationId(), 1)
				&& atLeast(ride.dropoffLocationId(), 1) && atLeast(ride.passengerCount(), 0)
				&& atLeast(ride.rateCodeId(), 1) && atLeast(ride.paymentType(), 0)
				&& (ride.tripDistance() == null || ride.tripDistance().compareTo(BigDecimal.ZERO) >= 0)
				&& fourDigitYear(ride.pickupTime()) && fourDigitYear(ride.dropoffTime());
	}

	private static boolean atLeast(Integer value, int minimum) {
		return value == null || value >= minimum;
	}

	private static boolean fourDigitYear(LocalDateTime time) {
		return time.getYear() >= 0 && time.getYear() <= 9999;
	}

}
