package io.ridestream.generator;

import java.util.SplittableRandom;

import io.ridestream.model.Dataset;

/**
 * Draws rides that look like the TLC's yellow- or green-taxi records: mostly short metered trips (in Manhattan for
 * yellow taxis, in Harlem and the outer boroughs for green ones), some airport flat fares, tips on card payments
 * only, a few refunds, and now and then a ride whose vendor recorded no passenger count, rate code,
 * store-and-forward flag, payment type or surcharges. The fees are those of the layout's year.
 */
final class TripSampler implements Sampler {

	private static final double UNRECORDED_SHARE = 0.01;

	private static final double ZERO_DISTANCE_SHARE = 0.015;

	private static final double REFUND_SHARE_OF_DISPUTES = 0.4;

	/** Green taxis answer a dispatch now and then; the rest are street hails. */
	private static final double GREEN_DISPATCH_SHARE = 0.03;

	private static final long JFK_FLAT_FARE_CENTS = 5200;

	private static final long NEWARK_SURCHARGE_CENTS = 1750;

	private static final long TOLL_CENTS = 612;

	private static final long MTA_TAX_CENTS = 50;

	private static final int SECONDS_PER_DAY = 86_400;

	private final SplittableRandom random;

	private final boolean green;

	private final Zones zones;

	private final long improvementSurchargeCents;

	private final long congestionSurchargeCents;

	private final long airportFeeCents;

	private final long cbdCongestionFeeCents;

	/**
	 * @param dataset yellow or green
	 */
	TripSampler(SplittableRandom random, Dataset dataset, Layout layout) {
		if (!dataset.hasFares()) {
			throw new IllegalArgumentException("taxi rides only, not " + dataset.wireName());
		}
		this.random = random;
		this.green = dataset == Dataset.GREEN;
		this.zones = this.green ? Zones.GREEN : Zones.YELLOW;
		this.improvementSurchargeCents = layout.improvementSurchargeCents();
		this.congestionSurchargeCents = layout.congestionSurchargeCents();
		this.airportFeeCents = layout.airportFeeCents(dataset);
		this.cbdCongestionFeeCents = layout.cbdCongestionFeeCents(dataset);
	}

	@Override
	public void sample(long pickupSecond, Trip trip) {
		boolean recorded = this.random.nextDouble() >= UNRECORDED_SHARE;
		int rateCode = rateCode();
		// VeriFone (2) has the more yellow-taxi rides, and nearly all the green ones.
		trip.vendorId = (this.random.nextInt(this.green ? 8 : 3) == 0) ? 1 : 2;
		trip.rateCodeId = recorded ? rateCode : Trip.EMPTY;
		trip.passengerCount = recorded ? passengerCount() : Trip.EMPTY;
		trip.storeAndForwardFlag = !recorded ? Trip.NO_FLAG : (this.random.nextInt(100) == 0) ? 'Y' : 'N';
		route(rateCode, trip);
		long seconds = durationSeconds(trip.distanceHundredths);
		trip.pickupSecond = pickupSecond;
		trip.dropoffSecond = pickupSecond + seconds;
		trip.paymentType = recorded ? paymentType() : Trip.EMPTY;
		charge(rateCode, seconds, recorded, trip);
		if (this.green) {
			trip.tripType = !recorded ? Trip.EMPTY : (this.random.nextDouble() < GREEN_DISPATCH_SHARE) ? 2 : 1;
		}
	}

	private int rateCode() {
		double draw = this.random.nextDouble();
		if (draw < 0.965) {
			return 1; // standard metered fare
		}
		if (draw < 0.985) {
			return 2; // JFK
		}
		if (draw < 0.988) {
			return 3; // Newark
		}
		if (draw < 0.990) {
			return 4; // Nassau or Westchester
		}
		if (draw < 0.999) {
			return 5; // negotiated fare
		}
		return (draw < 0.9992) ? 6 : 99; // group ride, or a code the meter did not know
	}

	private int passengerCount() {
		double draw = this.random.nextDouble();
		if (draw < 0.01) {
			return 0;
		}
		if (draw < 0.79) {
			return 1;
		}
		if (draw < 0.91) {
			return 2;
		}
		if (draw < 0.945) {
			return 3;
		}
		if (draw < 0.96) {
			return 4;
		}
		return (draw < 0.985) ? 5 : 6;
	}

	private int paymentType() {
		double draw = this.random.nextDouble();
		if (draw < 0.66) {
			return 1; // credit card
		}
		if (draw < 0.98) {
			return 2; // cash
		}
		return (draw < 0.992) ? 3 : 4; // no charge, dispute
	}

	private void route(int rateCode, Trip trip) {
		switch (rateCode) {
			case 2 -> {
				boolean fromAirport = this.random.nextBoolean();
				int city = this.zones.pickup(this.random);
				trip.pickupLocationId = fromAirport ? Zones.JFK_AIRPORT : city;
				trip.dropoffLocationId = fromAirport ? city : Zones.JFK_AIRPORT;
				trip.distanceHundredths = hundredths(Math.max(10, 17.5 + 2.5 * this.random.nextGaussian()));
			}
			case 3 -> {
				trip.pickupLocationId = this.zones.pickup(this.random);
				trip.dropoffLocationId = Zones.NEWARK_AIRPORT;
				trip.distanceHundredths = hundredths(16 + 6 * this.random.nextDouble());
			}
			case 4 -> {
				trip.pickupLocationId = this.zones.pickup(this.random);
				trip.dropoffLocationId = Zones.OUTSIDE_NEW_YORK;
				trip.distanceHundredths = hundredths(15 + 20 * this.random.nextDouble());
			}
			default -> {
				trip.pickupLocationId = this.zones.pickup(this.random);
				trip.dropoffLocationId = this.zones.dropoff(trip.pickupLocationId, this.random);
				trip.distanceHundredths = cityDistanceHundredths();
			}
		}
	}

	/** Log-normal: a median of about 1.7 miles and a long tail of trips across the city. */
	private long cityDistanceHundredths() {
		if (this.random.nextDouble() < ZERO_DISTANCE_SHARE) {
			return 0;
		}
		double miles = Math.exp(0.55 + 0.8 * this.random.nextGaussian());
		return Math.max(1, hundredths(Math.min(miles, 60)));
	}

	private long durationSeconds(long distanceHundredths) {
		if (distanceHundredths == 0) {
			return 5 + this.random.nextInt(175);
		}
		double miles = distanceHundredths / 100.0;
		double milesPerHour = 7 + 6 * this.random.nextDouble() + ((miles > 8) ? 10 : 0);
		return (long) (miles / milesPerHour * 3600) + 30 + this.random.nextInt(120);
	}

	private void charge(int rateCode, long seconds, boolean recorded, Trip trip) {
		double miles = trip.distanceHundredths / 100.0;
		trip.fareCents = fareCents(rateCode, miles, seconds);
		trip.extraCents = (rateCode == 2 || rateCode == 5) ? 0 : timeOfDayExtraCents(trip.pickupSecond);
		trip.mtaTaxCents = MTA_TAX_CENTS;
		trip.improvementSurchargeCents = this.improvementSurchargeCents;
		trip.tollsCents = tollsCents(rateCode, miles);
		trip.surchargesRecorded = recorded;
		boolean congestion = Zones.inCongestionZone(trip.pickupLocationId)
				|| Zones.inCongestionZone(trip.dropoffLocationId);
		trip.congestionSurchargeCents = (recorded && congestion && this.random.nextInt(10) != 0)
				? this.congestionSurchargeCents : 0;
		// Fees fixed by the place: no draw, so that the layouts without these columns get the same rides.
		boolean airportPickup = trip.pickupLocationId == Zones.JFK_AIRPORT
				|| trip.pickupLocationId == Zones.LAGUARDIA_AIRPORT;
		trip.airportFeeCents = (recorded && airportPickup) ? this.airportFeeCents : 0;
		trip.cbdCongestionFeeCents = (recorded && congestion) ? this.cbdCongestionFeeCents : 0;
		trip.refunded = false;
		trip.tipCents = (trip.paymentType == 1) ? tipCents(trip) : 0;
		if ((trip.paymentType == 3 || trip.paymentType == 4) && this.random.nextDouble() < REFUND_SHARE_OF_DISPUTES) {
			refund(trip);
		}
	}

	private long fareCents(int rateCode, double miles, long seconds) {
		if (rateCode == 2) {
			return JFK_FLAT_FARE_CENTS;
		}
		if (rateCode == 5) {
			return (10 + this.random.nextInt(90)) * 100L;
		}
		// The meter: $2.50 initial charge, 50 cents per fifth of a mile, or per minute in slow traffic.
		double slowMinutes = seconds / 60.0 * (0.15 + 0.25 * this.random.nextDouble());
		double cents = 250 + 250 * miles + 50 * slowMinutes;
		if (rateCode == 3) {
			cents += NEWARK_SURCHARGE_CENTS;
		}
		else if (rateCode == 4) {
			cents *= 1.5;
		}
		return Math.round(cents / 50) * 50;
	}

	/** 50 cents overnight (8 pm to 6 am), a dollar in the weekday rush hours (4 pm to 8 pm). */
	private static long timeOfDayExtraCents(long pickupSecond) {
		long day = Math.floorDiv(pickupSecond, SECONDS_PER_DAY);
		int hour = (int) (Math.floorMod(pickupSecond, SECONDS_PER_DAY) / 3600);
		boolean weekday = Math.floorMod(day + 3, 7) < 5; // day 0, 1970-01-01, was a Thursday
		if (hour >= 20 || hour < 6) {
			return 50;
		}
		return (weekday && hour >= 16) ? 100 : 0;
	}

	private long tollsCents(int rateCode, double miles) {
		double draw = this.random.nextDouble();
		if ((rateCode >= 2 && rateCode <= 4) || miles > 8) {
			return (draw < 0.3) ? TOLL_CENTS : 0;
		}
		return (draw < 0.002) ? 2 * TOLL_CENTS : 0;
	}

	/** Most card payers tip: a share of the fare, or a round amount. */
	private long tipCents(Trip trip) {
		double draw = this.random.nextDouble();
		if (draw < 0.1) {
			return 0;
		}
		if (draw < 0.25) {
			return (1 + this.random.nextInt(5)) * 100L;
		}
		long tipped = trip.fareCents + trip.extraCents + trip.mtaTaxCents + trip.improvementSurchargeCents
				+ trip.congestionSurchargeCents;
		return Math.round(tipped * (0.12 + 0.18 * this.random.nextDouble()));
	}

	/** A refunded ride is recorded again with every amount negated, as the TLC publishes them. */
	static void refund(Trip trip) {
		trip.refunded = true;
		trip.fareCents = -trip.fareCents;
		trip.extraCents = -trip.extraCents;
		trip.mtaTaxCents = -trip.mtaTaxCents;
		trip.tipCents = -trip.tipCents;
		trip.tollsCents = -trip.tollsCents;
		trip.improvementSurchargeCents = -trip.improvementSurchargeCents;
		trip.congestionSurchargeCents = -trip.congestionSurchargeCents;
		trip.airportFeeCents = -trip.airportFeeCents;
		trip.cbdCongestionFeeCents = -trip.cbdCongestionFeeCents;
	}

	private static long hundredths(double miles) {
		return Math.round(miles * 100);
	}

}
