package io.ridestream.read;

import java.io.Closeable;

import io.ridestream.model.Dataset;

/**
 * Reads the trips of one TLC file, row by row, in constant memory whatever the file's size.
 * {@link RideFiles} opens the right one for a file's format.
 */
public interface RideReader extends Closeable {

	/** The dataset the file's header or schema names. */
	Dataset dataset();

	/** The next row, or {@code null} at the end of the file. */
	RideRow next();

	/** What a row's {@link RideRow#position() position} counts: {@code line} (CSV) or {@code row} (Parquet). */
	String positionName();

	@Override
	void close();

}
