package io.ridestream.generator;

/**
 * One generated ride in primitive fields: times in seconds of the local clock, the distance in hundredths of a
 * mile, money in cents. One instance is refilled for every row, so that writing millions of rows allocates
 * nothing per row. A dataset's layout writes only its own columns, so fields of other datasets are left as they
 * were.
 */
final class Trip {

	/** The value of an optional integer column that was not recorded: written as an empty field, or a null. */
	static final int EMPTY = -1;

	/** The store-and-forward flag of a ride whose vendor did not record it. */
	static final char NO_FLAG = 0;

	int vendorId;

	long pickupSecond;

	long dropoffSecond;

	int passengerCount;

	long distanceHundredths;

	int rateCodeId;

	char storeAndForwardFlag;

	int pickupLocationId;

	int dropoffLocationId;

	int paymentType;

	long fareCents;

	long extraCents;

	long mtaTaxCents;

	long tipCents;

	long tollsCents;

	long improvementSurchargeCents;

	/** Whether the congestion surcharge, airport fee and CBD congestion fee were recorded: all or none of them. */
	boolean surchargesRecorded;

	long congestionSurchargeCents;

	long airportFeeCents;

	long cbdCongestionFeeCents;

	/** Whether every amount is negated, as the TLC records a refund. */
	boolean refunded;

	/** Green taxis: 1 for a street hail, 2 for a dispatch, or {@link #EMPTY}. */
	int tripType;

	/** FHV: the number of the dispatching base, e.g. 13 for {@code B00013}. */
	int dispatchingBase;

	/** FHV: the number of the base the vehicle is affiliated with, or {@link #EMPTY}. */
	int affiliatedBase;

	/** FHV: whether the ride was shared ({@code SR_Flag} 1). */
	boolean sharedRide;

	/** Whether the pickup was moved just before the month of the start, on purpose. */
	boolean pickupBeforeMonth;

	/** Whether the pickup was moved to a far-off year such as 2002 or 2088, on purpose. */
	boolean pickupInFarOffYear;

	long totalCents() {
		return this.fareCents + this.extraCents + this.mtaTaxCents + this.tipCents + this.tollsCents
				+ this.improvementSurchargeCents + (this.surchargesRecorded
						? this.congestionSurchargeCents + this.airportFeeCents + this.cbdCongestionFeeCents : 0);
	}

}
