package io.ridestream.generator;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.ridestream.model.Dataset;
import io.ridestream.model.read.RideColumn;

/**
 * The CSV layout of a ride: the columns of {@link RideColumn} in their order, values formatted as in TLC files.
 */
final class TripFormat {

	/** The 18 columns of the TLC's yellow files before 2021. */
	static final String HEADER = Arrays.stream(RideColumn.values())
		.filter((column) -> column.compareTo(RideColumn.CONGESTION_SURCHARGE) <= 0)
		.map((column) -> column.header(Dataset.YELLOW))
		.collect(Collectors.joining(","));

	private TripFormat() {
	}

	static void write(Trip trip, CsvLine line) {
		line.appendNumber(trip.vendorId).comma()
			.appendTimestamp(trip.pickupSecond).comma()
			.appendTimestamp(trip.dropoffSecond).comma()
			.appendOptional(trip.passengerCount).comma()
			.appendHundredths(trip.distanceHundredths).comma()
			.appendOptional(trip.rateCodeId).comma();
		if (trip.storeAndForwardFlag != Trip.NO_FLAG) {
			line.append(trip.storeAndForwardFlag);
		}
		line.comma()
			.appendNumber(trip.pickupLocationId).comma()
			.appendNumber(trip.dropoffLocationId).comma()
			.appendOptional(trip.paymentType).comma()
			.appendMoney(trip.fareCents).comma()
			.appendMoney(trip.extraCents).comma()
			.appendMoney(trip.mtaTaxCents).comma()
			.appendMoney(trip.tipCents).comma()
			.appendMoney(trip.tollsCents).comma()
			.appendMoney(trip.improvementSurchargeCents).comma()
			.appendMoney(trip.totalCents()).comma();
		if (trip.congestionSurchargeRecorded) {
			line.appendMoney(trip.congestionSurchargeCents);
		}
	}

}
