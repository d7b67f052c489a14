package io.ridestream.generator;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import io.ridestream.model.Dataset;

/**
 * Turns generated rides into the odd but real rows of the TLC's files, at the rates asked for. It draws from a
 * random stream of its own, so that asking for odd rows changes no other ride.
 */
final class Quirks {

	/** Years seen in the TLC's pickups, from meters set wrong. */
	private static final int[] FAR_OFF_YEARS = { 2002, 2008, 2009, 2088 };

	private static final double FAR_OFF_SHARE_OF_OUTLIERS = 1.0 / 3;

	/** Late records of the previous month land in a month's file: up to three days before it. */
	private static final long MAX_SECONDS_BEFORE_MONTH = 3 * 86_400;

	private final QuirkRates rates;

	private final boolean taxi;

	private final long monthStartSecond;

	private final SplittableRandom random;

	Quirks(QuirkRates rates, Dataset dataset, LocalDateTime start, SplittableRandom random) {
		this.rates = rates;
		this.taxi = dataset.hasFares();
		this.monthStartSecond = start.toLocalDate().withDayOfMonth(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
		this.random = random;
	}

	void apply(Trip trip) {
		trip.pickupBeforeMonth = false;
		trip.pickupInFarOffYear = false;
		// One draw for each quirk on every row, whichever apply, so that each rate changes only its own rows.
		boolean blankVendor = this.random.nextDouble() < this.rates.blankVendor();
		boolean refund = this.random.nextDouble() < this.rates.refunds();
		boolean unusualCode = this.random.nextDouble() < this.rates.unusualCodes();
		boolean outlier = this.random.nextDouble() < this.rates.outliers();
		if (this.taxi) {
			if (blankVendor) {
				blankVendor(trip);
			}
			if (refund && !trip.refunded) {
				TripSampler.refund(trip);
			}
			if (unusualCode && trip.vendorId != Trip.EMPTY) {
				unusualCode(trip);
			}
		}
		if (outlier) {
			movePickup(trip);
		}
	}

	/** As in the rows at the end of the 2020 and 2021 files: the amounts are there, the vendor's codes are not. */
	private static void blankVendor(Trip trip) {
		trip.vendorId = Trip.EMPTY;
		trip.passengerCount = Trip.EMPTY;
		trip.rateCodeId = Trip.EMPTY;
		trip.storeAndForwardFlag = Trip.NO_FLAG;
		trip.paymentType = Trip.EMPTY;
		trip.surchargesRecorded = false;
		trip.tripType = Trip.EMPTY;
	}

	private void unusualCode(Trip trip) {
		if (this.random.nextBoolean()) {
			trip.paymentType = 0;
		}
		else {
			trip.vendorId = this.random.nextBoolean() ? 5 : 6;
		}
	}

	private void movePickup(Trip trip) {
		long pickup;
		if (this.random.nextDouble() < FAR_OFF_SHARE_OF_OUTLIERS) {
			int year = FAR_OFF_YEARS[this.random.nextInt(FAR_OFF_YEARS.length)];
			pickup = LocalDateTime.ofEpochSecond(trip.pickupSecond, 0, ZoneOffset.UTC)
				.withYear(year)
				.toEpochSecond(ZoneOffset.UTC);
			trip.pickupInFarOffYear = true;
		}
		else {
			pickup = this.monthStartSecond - 1 - this.random.nextLong(MAX_SECONDS_BEFORE_MONTH);
			trip.pickupBeforeMonth = true;
		}
		trip.dropoffSecond += pickup - trip.pickupSecond;
		trip.pickupSecond = pickup;
	}

}
