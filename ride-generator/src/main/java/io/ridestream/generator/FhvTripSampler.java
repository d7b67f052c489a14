package io.ridestream.generator;

import java.util.SplittableRandom;

/**
 * Draws rides that look like the TLC's for-hire-vehicle records: a dispatching base, mostly a handful of busy
 * ones, the base the car is affiliated with (usually the same, sometimes another, sometimes not recorded), pickup
 * and dropoff zones that are often not recorded, and now and then a shared ride.
 */
final class FhvTripSampler implements Sampler {

	/** In the TLC's FHV files a large share of rows has no pickup zone, and fewer have no dropoff zone. */
	static final double BLANK_PICKUP_LOCATION_SHARE = 0.2;

	static final double BLANK_DROPOFF_LOCATION_SHARE = 0.12;

	private static final double SHARED_RIDE_SHARE = 0.03;

	private static final double SAME_AFFILIATED_BASE_SHARE = 0.75;

	private static final double OTHER_AFFILIATED_BASE_SHARE = 0.15;

	/** License numbers of bases, busiest first. */
	private static final int[] BASES = { 2800, 1312, 856, 2510, 254, 887, 1145, 13, 37, 111, 310, 381, 647, 1239,
			2293, 3016, 2617, 2764, 1051, 2866 };

	/** The mean rank of a base drawn: the first few bases dispatch most rides. */
	private static final double MEAN_BASE_RANK = 3;

	private static final int MAX_SECONDS = 3 * 3600;

	private final SplittableRandom random;

	FhvTripSampler(SplittableRandom random) {
		this.random = random;
	}

	@Override
	public void sample(long pickupSecond, Trip trip) {
		trip.dispatchingBase = base();
		double affiliation = this.random.nextDouble();
		if (affiliation < SAME_AFFILIATED_BASE_SHARE) {
			trip.affiliatedBase = trip.dispatchingBase;
		}
		else {
			trip.affiliatedBase = (affiliation < SAME_AFFILIATED_BASE_SHARE + OTHER_AFFILIATED_BASE_SHARE) ? base()
					: Trip.EMPTY;
		}
		int pickup = Zones.FHV.pickup(this.random);
		int dropoff = Zones.FHV.dropoff(pickup, this.random);
		trip.pickupLocationId = (this.random.nextDouble() < BLANK_PICKUP_LOCATION_SHARE) ? Trip.EMPTY : pickup;
		trip.dropoffLocationId = (this.random.nextDouble() < BLANK_DROPOFF_LOCATION_SHARE) ? Trip.EMPTY : dropoff;
		trip.pickupSecond = pickupSecond;
		trip.dropoffSecond = pickupSecond + durationSeconds();
		trip.sharedRide = this.random.nextDouble() < SHARED_RIDE_SHARE;
		trip.refunded = false;
	}

	private int base() {
		int rank = (int) (this.random.nextExponential() * MEAN_BASE_RANK);
		return BASES[Math.min(rank, BASES.length - 1)];
	}

	/** Log-normal: a median of about 16 minutes, up to a few hours. */
	private long durationSeconds() {
		double seconds = Math.exp(6.85 + 0.6 * this.random.nextGaussian());
		return Math.min(MAX_SECONDS, 60 + (long) seconds);
	}

}
