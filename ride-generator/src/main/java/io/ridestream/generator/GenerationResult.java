package io.ridestream.generator;

import java.util.List;

import io.ridestream.model.Dataset;

/**
 * What {@link RideGenerator} wrote.
 *
 * @param dataset the dataset of the rides
 * @param layout the year whose columns the file has
 * @param format CSV, gzip CSV or Parquet
 * @param rows the data rows written, broken ones included, not counting a CSV's header
 * @param bytes the size of what was written, compressed if it was; a plain CSV is all ASCII, so this is also its
 * length in characters
 * @param malformedLines the line numbers of the broken rows, ascending, counting the header as line 1 as
 * {@link io.ridestream.read.RideCsvReader} does
 * @param quirks how many odd rows of each kind the well-formed rows include
 */
public record GenerationResult(Dataset dataset, Layout layout, OutputFormat format, long rows, long bytes,
		List<Long> malformedLines, QuirkCounts quirks) {

	public long malformedRows() {
		return this.malformedLines.size();
	}

	public long wellFormedRows() {
		return this.rows - malformedRows();
	}

}
