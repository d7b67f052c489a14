package io.ridestream.consumer;

import java.time.LocalDateTime;

import io.ridestream.model.Ride;

/**
 * Rides like others but for a field or two, for tests of outlying data.
 */
public final class RideCopies {

	private RideCopies() {
	}

	/** The ride, picked up at that time and dropped off 12 minutes later. */
	public static Ride pickedUpAt(Ride ride, LocalDateTime pickup) {
		return new Ride(ride.vendorId(), pickup, pickup.plusMinutes(12), ride.passengerCount(), ride.tripDistance(),
				ride.rateCodeId(), ride.storeAndForwardFlag(), ride.pickupLocationId(), ride.dropoffLocationId(),
				ride.paymentType(), ride.fareAmount(), ride.extra(), ride.mtaTax(), ride.tipAmount(),
				ride.tollsAmount(), ride.improvementSurcharge(), ride.totalAmount(), ride.congestionSurcharge());
	}

}
