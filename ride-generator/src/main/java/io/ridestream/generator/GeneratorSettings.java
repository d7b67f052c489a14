package io.ridestream.generator;

import java.time.LocalDateTime;
import java.util.Objects;

import io.ridestream.model.Dataset;

/**
 * What {@link RideGenerator} writes: how many rides of which dataset in which year's layout, from which seed, how
 * many of them broken on purpose or odd in the ways of the TLC's files, and when and how fast the pickups come.
 *
 * @param rides the number of data rows, broken ones included (a CSV's header comes on top)
 * @param seed the same seed and settings always give the same bytes
 * @param malformedFraction the share of rows, from 0 to 1, written as rows that a CSV reader must reject
 * @param start the time from which pickups count, New York local time, to the second; years 1900 to 2999, which
 * keep every timestamp in the four-digit years that TLC readers expect
 * @param ridesPerMinute the average rate of pickups; the gaps between them vary as in a Poisson process
 * @param dataset yellow, green or FHV
 * @param layout the year whose columns, and Parquet types, the file has
 * @param quirks how often to write the odd rows of the TLC's files; the ones of taxi fares and vendors do not apply
 * to FHV
 */
public record GeneratorSettings(long rides, long seed, double malformedFraction, LocalDateTime start,
		double ridesPerMinute, Dataset dataset, Layout layout, QuirkRates quirks) {

	public static final long DEFAULT_SEED = 20200701L;

	public static final LocalDateTime DEFAULT_START = LocalDateTime.of(2020, 7, 1, 0, 0);

	/** About the rate of yellow-taxi pickups in New York on an ordinary day before 2020. */
	public static final double DEFAULT_RIDES_PER_MINUTE = 150;

	/** The layout of the course's CSV files and of the services' sample. */
	public static final Layout DEFAULT_LAYOUT = Layout.YEAR_2019;

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
		Objects.requireNonNull(dataset, "dataset is required");
		Objects.requireNonNull(layout, "layout is required");
		Objects.requireNonNull(quirks, "quirks are required");
		if (!dataset.hasFares() && (quirks.blankVendor() > 0 || quirks.refunds() > 0 || quirks.unusualCodes() > 0)) {
			throw new IllegalArgumentException(
					"fhv records have no vendor, fares or payment type: only outliers apply, was " + quirks);
		}
	}

	/** A number of well-formed yellow-taxi rides in the default layout, with the default seed, start and rate. */
	public static GeneratorSettings of(long rides) {
		return new GeneratorSettings(rides, DEFAULT_SEED, 0, DEFAULT_START, DEFAULT_RIDES_PER_MINUTE,
				Dataset.YELLOW, DEFAULT_LAYOUT, QuirkRates.NONE);
	}

	public GeneratorSettings withSeed(long seed) {
		return new GeneratorSettings(this.rides, seed, this.malformedFraction, this.start, this.ridesPerMinute,
				this.dataset, this.layout, this.quirks);
	}

	public GeneratorSettings withMalformedFraction(double malformedFraction) {
		return new GeneratorSettings(this.rides, this.seed, malformedFraction, this.start, this.ridesPerMinute,
				this.dataset, this.layout, this.quirks);
	}

	public GeneratorSettings withStart(LocalDateTime start) {
		return new GeneratorSettings(this.rides, this.seed, this.malformedFraction, start, this.ridesPerMinute,
				this.dataset, this.layout, this.quirks);
	}

	public GeneratorSettings withRidesPerMinute(double ridesPerMinute) {
		return new GeneratorSettings(this.rides, this.seed, this.malformedFraction, this.start, ridesPerMinute,
				this.dataset, this.layout, this.quirks);
	}

	public GeneratorSettings withDataset(Dataset dataset) {
		return new GeneratorSettings(this.rides, this.seed, this.malformedFraction, this.start, this.ridesPerMinute,
				dataset, this.layout, this.quirks);
	}

	public GeneratorSettings withLayout(Layout layout) {
		return new GeneratorSettings(this.rides, this.seed, this.malformedFraction, this.start, this.ridesPerMinute,
				this.dataset, layout, this.quirks);
	}

	public GeneratorSettings withQuirks(QuirkRates quirks) {
		return new GeneratorSettings(this.rides, this.seed, this.malformedFraction, this.start, this.ridesPerMinute,
				this.dataset, this.layout, quirks);
	}

}
