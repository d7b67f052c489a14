package io.ridestream.generator;

/**
 * One generated ride in primitive fields: times in seconds of the local clock, the distance in hundredths of a
 * mile, money in cents. One instance is refilled for every row, so that writing millions of rows allocates
 * nothing per row.
 */
final class Trip {

	/** The value of an optional integer column that the vendor did not record: written as an empty field. */
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

	boolean congestionSurchargeRecorded;

	long congestionSurchargeCents;

	long totalCents() {
		return this.fareCents + this.extraCents + this.mtaTaxCents + this.tipCents + this.tollsCents
				+ this.improvementSurchargeCents + (this.congestionSurchargeRecorded ? this.congestionSurchargeCents : 0);
	}

}
