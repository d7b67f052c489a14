package io.ridestream.generator;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What {@link RideGenerator} writes: how many rides, from which seed, how many of them broken on purpose, and
 * when and how fast the pickups come.
 *
 * @param rides the number of data rows, broken ones included (the header comes on top)
 * @param seed the same seed and settings always give the same bytes
 * @param malformedFraction the share of rows, from 0 to 1, written as rows that a CSV reader must reject
 * @param start the time from which pickups count, New York local time, to the second; years 1900 to 2999, which
 * keep every timestamp in the four-digit years that TLC readers expect
 * @param ridesPerMinute the average rate of pickups; the gaps between them vary as in a Poisson process
 */
public record GeneratorSettings(long rides, long seed, double malformedFraction, LocalDateTime start,
		double ridesPerMinute) {

	public static final long DEFAULT_SEED = 20200701L;

	public static final LocalDateTime DEFAULT_START = LocalDateTime.of(2020, 7, 1, 0, 0);

	/** About the rate of yellow-taxi pickups in New York on an ordinary day before 2020. */
	public static final double DEFAULT_RIDES_PER_MINUTE = 150;

	public GeneratorSettings {
		if (rides < 0) {
			throw new IllegalArgumentException("rides must not be negative, was " + rides);
		}
		if (!(malformedFraction >= 0 && malformedFraction <= 1)) {
			throw new IllegalArgumentException("malformed fraction must be between 0 and 1, was " + malformedFraction);
		}
		Objects.requireNonNull(start, "start is required");
		if (start.getYear() < 1900 || start.getYear() > 2999) {
			throw new IllegalArgumentException("start must be in the years 1900 to 2999, was " + start);
		}
		if (!(ridesPerMinute > 0) || Double.isInfinite(ridesPerMinute)) {
			throw new IllegalArgumentException("rides per minute must be a positive number, was " + ridesPerMinute);
		}
	}

	/** A number of well-formed rides with the default seed, start and rate. */
	public static GeneratorSettings of(long rides) {
		return new GeneratorSettings(rides, DEFAULT_SEED, 0, DEFAULT_START, DEFAULT_RIDES_PER_MINUTE);
	}

	public GeneratorSettings withSeed(long seed) {
		return new GeneratorSettings(this.rides, seed, this.malformedFraction, this.start, this.ridesPerMinute);
	}

	public GeneratorSettings withMalformedFraction(double malformedFraction) {
		return new GeneratorSettings(this.rides, this.seed, malformedFraction, this.start, this.ridesPerMinute);
	}

	public GeneratorSettings withStart(LocalDateTime start) {
		return new GeneratorSettings(this.rides, this.seed, this.malformedFraction, start, this.ridesPerMinute);
	}

	public GeneratorSettings withRidesPerMinute(double ridesPerMinute) {
		return new GeneratorSettings(this.rides, this.seed, this.malformedFraction, this.start, ridesPerMinute);
	}

}
