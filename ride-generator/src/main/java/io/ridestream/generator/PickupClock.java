package io.ridestream.generator;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * The pickup times of successive rides: independent arrivals at an average rate, so the gaps between pickups are
 * exponentially distributed and the times never go backwards.
 *
 * <p>Times are seconds of a local clock (New York local time counted as if it were UTC), every day 86,400 seconds
 * long, as TLC timestamps are written.
 */
final class PickupClock {

	private final long startSecond;

	private final double meanGapSeconds;

	/** Kept fractional so that many rides per second still add up to the requested rate. */
	private double elapsedSeconds;

	PickupClock(LocalDateTime start, double ridesPerMinute) {
		this.startSecond = start.toEpochSecond(ZoneOffset.UTC);
		this.meanGapSeconds = 60 / ridesPerMinute;
	}

	long next(SplittableRandom random) {
		this.elapsedSeconds += random.nextExponential() * this.meanGapSeconds;
		return this.startSecond + (long) this.elapsedSeconds;
	}

}
