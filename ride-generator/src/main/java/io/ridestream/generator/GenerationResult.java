package io.ridestream.generator;

import java.util.List;

/**
 * What {@link RideGenerator} wrote.
 *
 * @param rows the data rows written, broken ones included, not counting the header
 * @param bytes the size of the CSV; it is all ASCII, so this is also its length in characters
 * @param malformedLines the line numbers of the broken rows, ascending, counting the header as line 1 as
 * {@link io.ridestream.model.read.RideCsvReader} does
 */
public record GenerationResult(long rows, long bytes, List<Long> malformedLines) {

	public long malformedRows() {
		return this.malformedLines.size();
	}

	public long wellFormedRows() {
		return this.rows - malformedRows();
	}

}
