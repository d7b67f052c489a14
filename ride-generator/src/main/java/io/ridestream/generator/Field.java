package io.ridestream.generator;

import io.ridestream.model.Dataset;
import io.ridestream.read.RideColumn;

/**
 * A value of a {@link Trip} that a column can hold, whatever the column is called in a dataset and however a
 * year's layout stores it. Integers are read as longs; money and distances as cents and hundredths; times as
 * seconds of the local clock.
 */
enum Field {

	VENDOR_ID(Kind.COUNT, RideColumn.VENDOR_ID),
	PICKUP_TIME(Kind.TIMESTAMP, RideColumn.PICKUP_DATETIME),
	DROPOFF_TIME(Kind.TIMESTAMP, RideColumn.DROPOFF_DATETIME),
	PASSENGER_COUNT(Kind.COUNT, RideColumn.PASSENGER_COUNT),
	TRIP_DISTANCE(Kind.HUNDREDTHS, RideColumn.TRIP_DISTANCE),
	RATECODE_ID(Kind.COUNT, RideColumn.RATECODE_ID),
	STORE_AND_FWD_FLAG(Kind.TEXT, RideColumn.STORE_AND_FWD_FLAG),
	PICKUP_LOCATION_ID(Kind.COUNT, RideColumn.PICKUP_LOCATION_ID),
	DROPOFF_LOCATION_ID(Kind.COUNT, RideColumn.DROPOFF_LOCATION_ID),
	PAYMENT_TYPE(Kind.COUNT, RideColumn.PAYMENT_TYPE),
	FARE_AMOUNT(Kind.MONEY, RideColumn.FARE_AMOUNT),
	EXTRA(Kind.MONEY, RideColumn.EXTRA),
	MTA_TAX(Kind.MONEY, RideColumn.MTA_TAX),
	TIP_AMOUNT(Kind.MONEY, RideColumn.TIP_AMOUNT),
	TOLLS_AMOUNT(Kind.MONEY, RideColumn.TOLLS_AMOUNT),
	/** Green taxis' e-hail fee: the TLC leaves it empty in every row. */
	EHAIL_FEE(Kind.MONEY, RideColumn.EHAIL_FEE),
	IMPROVEMENT_SURCHARGE(Kind.MONEY, RideColumn.IMPROVEMENT_SURCHARGE),
	TOTAL_AMOUNT(Kind.MONEY, RideColumn.TOTAL_AMOUNT),
	CONGESTION_SURCHARGE(Kind.MONEY, RideColumn.CONGESTION_SURCHARGE),
	AIRPORT_FEE(Kind.MONEY, RideColumn.AIRPORT_FEE),
	CBD_CONGESTION_FEE(Kind.MONEY, RideColumn.CBD_CONGESTION_FEE),
	TRIP_TYPE(Kind.COUNT, RideColumn.TRIP_TYPE),
	DISPATCHING_BASE(Kind.TEXT, RideColumn.DISPATCHING_BASE_NUM),
	SHARED_RIDE_FLAG(Kind.COUNT, RideColumn.SR_FLAG),
	AFFILIATED_BASE(Kind.TEXT, RideColumn.AFFILIATED_BASE_NUMBER);

	/** How a field's value is held, and so how it is written. */
	enum Kind {

		/** A whole number, e.g. an id or a code. */
		COUNT,

		/** Seconds of the local clock. */
		TIMESTAMP,

		/** A distance in hundredths of a mile. */
		HUNDREDTHS,

		/** An amount in cents. */
		MONEY,

		/** Text: a flag or a base number. */
		TEXT

	}

	private final Kind kind;

	/** The column the services' readers map it to. */
	private final RideColumn rideColumn;

	Field(Kind kind, RideColumn rideColumn) {
		this.kind = kind;
		this.rideColumn = rideColumn;
	}

	Kind kind() {
		return this.kind;
	}

	/** Whether a taxi ride must have a value here, as the services' readers require. */
	boolean requiredInTaxiRecords() {
		return this.rideColumn.requiredIn(Dataset.YELLOW);
	}

	boolean isNull(Trip trip) {
		return switch (this) {
			case VENDOR_ID -> trip.vendorId == Trip.EMPTY;
			case PASSENGER_COUNT -> trip.passengerCount == Trip.EMPTY;
			case RATECODE_ID -> trip.rateCodeId == Trip.EMPTY;
			case STORE_AND_FWD_FLAG -> trip.storeAndForwardFlag == Trip.NO_FLAG;
			case PICKUP_LOCATION_ID -> trip.pickupLocationId == Trip.EMPTY;
			case DROPOFF_LOCATION_ID -> trip.dropoffLocationId == Trip.EMPTY;
			case PAYMENT_TYPE -> trip.paymentType == Trip.EMPTY;
			case EHAIL_FEE -> true;
			case CONGESTION_SURCHARGE, AIRPORT_FEE, CBD_CONGESTION_FEE -> !trip.surchargesRecorded;
			case TRIP_TYPE -> trip.tripType == Trip.EMPTY;
			case SHARED_RIDE_FLAG -> !trip.sharedRide;
			case AFFILIATED_BASE -> trip.affiliatedBase == Trip.EMPTY;
			default -> false;
		};
	}

	/** The value of a field that is not null: a count, seconds, hundredths, cents, or a base's number. */
	long value(Trip trip) {
		return switch (this) {
			case VENDOR_ID -> trip.vendorId;
			case PICKUP_TIME -> trip.pickupSecond;
			case DROPOFF_TIME -> trip.dropoffSecond;
			case PASSENGER_COUNT -> trip.passengerCount;
			case TRIP_DISTANCE -> trip.distanceHundredths;
			case RATECODE_ID -> trip.rateCodeId;
			case STORE_AND_FWD_FLAG -> trip.storeAndForwardFlag;
			case PICKUP_LOCATION_ID -> trip.pickupLocationId;
			case DROPOFF_LOCATION_ID -> trip.dropoffLocationId;
			case PAYMENT_TYPE -> trip.paymentType;
			case FARE_AMOUNT -> trip.fareCents;
			case EXTRA -> trip.extraCents;
			case MTA_TAX -> trip.mtaTaxCents;
			case TIP_AMOUNT -> trip.tipCents;
			case TOLLS_AMOUNT -> trip.tollsCents;
			case EHAIL_FEE -> 0;
			case IMPROVEMENT_SURCHARGE -> trip.improvementSurchargeCents;
			case TOTAL_AMOUNT -> trip.totalCents();
			case CONGESTION_SURCHARGE -> trip.congestionSurchargeCents;
			case AIRPORT_FEE -> trip.airportFeeCents;
			case CBD_CONGESTION_FEE -> trip.cbdCongestionFeeCents;
			case TRIP_TYPE -> trip.tripType;
			case DISPATCHING_BASE -> trip.dispatchingBase;
			case SHARED_RIDE_FLAG -> 1;
			case AFFILIATED_BASE -> trip.affiliatedBase;
		};
	}

	/** The value as a Parquet DOUBLE holds it: dollars, miles, or the whole number itself. */
	double decimalValue(Trip trip) {
		long value = value(trip);
		return (this.kind == Kind.MONEY || this.kind == Kind.HUNDREDTHS) ? value / 100.0 : value;
	}

	/** Appends the value as TLC CSV files write it; nothing for a null. */
	void appendTo(Trip trip, CsvLine line) {
		if (isNull(trip)) {
			return;
		}
		switch (this.kind) {
			case COUNT -> line.appendNumber(value(trip));
			case TIMESTAMP -> line.appendTimestamp(value(trip));
			case HUNDREDTHS -> line.appendHundredths(value(trip));
			case MONEY -> line.appendMoney(value(trip));
			case TEXT -> {
				if (this == STORE_AND_FWD_FLAG) {
					line.append(trip.storeAndForwardFlag);
				}
				else {
					line.appendBaseNumber((int) value(trip));
				}
			}
		}
	}

}
