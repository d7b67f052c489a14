package io.ridestream.read;

import io.ridestream.model.Ride;

/**
 * What a {@link RideReader} makes of one row of a file: a ride, or the reason the row is not one.
 * {@code position} is where the row is in the file, as {@link RideReader#positionName()} says: its first line
 * in a CSV, counting the header as line 1, or its row number in a Parquet file, counting from 1.
 */
public sealed interface RideRow {

	long position();

	record Parsed(long position, Ride ride) implements RideRow {
	}

	record Rejected(long position, String reason) implements RideRow {
	}

}
