package io.ridestream.model;

/**
 * What {@link RideCsvReader} makes of one row of a CSV: a ride, or the reason the row is not one.
 * {@code line} is the row's first line in the file, counting the header as line 1.
 */
public sealed interface CsvRow {

	long line();

	record Parsed(long line, Ride ride) implements CsvRow {
	}

	record Rejected(long line, String reason) implements CsvRow {
	}

}
