package io.ridestream.generator;

import java.util.SplittableRandom;

/**
 * The rides of a file, one after another: pickup times from the clock, the rest from the dataset's sampler, then
 * the odd rows asked for. The same settings always give the same rides.
 */
final class TripStream {

	/** Mixed into the seed for the odd rows' own random stream. */
	private static final long QUIRKS_STREAM = 0x9E3779B97F4A7C15L;

	private final SplittableRandom rides;

	private final SplittableRandom faults;

	private final PickupClock clock;

	private final Sampler sampler;

	private final Quirks quirks;

	TripStream(GeneratorSettings settings) {
		this.rides = new SplittableRandom(settings.seed());
		// A stream of its own, so that choosing which rows to break does not change the rides themselves.
		this.faults = this.rides.split();
		this.clock = new PickupClock(settings.start(), settings.ridesPerMinute());
		this.sampler = settings.dataset().hasFares()
				? new TripSampler(this.rides, settings.dataset(), settings.layout())
				: new FhvTripSampler(this.rides);
		this.quirks = new Quirks(settings.quirks(), settings.dataset(), settings.start(),
				new SplittableRandom(settings.seed() ^ QUIRKS_STREAM));
	}

	void next(Trip trip) {
		this.sampler.sample(this.clock.next(this.rides), trip);
		this.quirks.apply(trip);
	}

	/** The random stream that chooses which rows to break, and how. */
	SplittableRandom faults() {
		return this.faults;
	}

}
