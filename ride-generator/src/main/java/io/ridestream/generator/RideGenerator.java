package io.ridestream.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes generated NYC taxi or for-hire-vehicle rides as the TLC publishes them: a dataset's columns in a year's
 * layout, as CSV (the header, then one ride per line), gzip-compressed CSV or Parquet. Pickup times never go
 * backwards, but for the pickups moved out of the month on purpose.
 *
 * <p>Rows are written as they are generated, so a file of any size takes bounded memory (plus 8 bytes per row
 * broken on purpose, to report its line number; a Parquet writer holds a row group). The same settings always
 * give the same bytes. Rows broken on purpose take the place of rides, and the rides around them are the same as
 * without any broken rows; the same holds for the odd rows of {@link QuirkRates}.
 */
public final class RideGenerator {

	private static final int BUFFER_SIZE = 256 * 1024;

	/** Timestamps in nanoseconds since 1970 overflow a long in April 2262. */
	private static final int LAST_YEAR_IN_NANOSECONDS = 2261;

	private final GeneratorSettings settings;

	private final List<Column> columns;

	public RideGenerator(GeneratorSettings settings) {
		this.settings = settings;
		this.columns = settings.layout().columns(settings.dataset());
	}

	/**
	 * Writes a file in the format its name asks for ({@code .parquet}, {@code .gz}, CSV for any other name),
	 * replacing it if it exists.
	 */
	public GenerationResult write(Path file) throws IOException {
		return write(file, OutputFormat.ofFileName(String.valueOf(file.getFileName())));
	}

	/**
	 * Writes a file in the given format, replacing it if it exists.
	 * @throws IllegalArgumentException for broken rows in Parquet, or Parquet timestamps that a long cannot hold
	 */
	public GenerationResult write(Path file, OutputFormat format) throws IOException {
		if (format == OutputFormat.PARQUET) {
			return writeParquet(file);
		}
		try (OutputStream out = Files.newOutputStream(file)) {
			return write(out, format);
		}
	}

	/** Writes the CSV as ASCII bytes; the stream is flushed, not closed. */
	public GenerationResult write(OutputStream out) throws IOException {
		return write(out, OutputFormat.CSV);
	}

	/**
	 * Writes CSV or gzip CSV; the stream is flushed, not closed.
	 * @throws IllegalArgumentException for Parquet, which is written to a file only
	 */
	public GenerationResult write(OutputStream out, OutputFormat format) throws IOException {
		return switch (format) {
			case CSV -> write(new OutputStreamWriter(out, StandardCharsets.US_ASCII));
			case CSV_GZIP -> writeGzip(out);
			case PARQUET -> throw new IllegalArgumentException("Parquet is written to a file only, not to a stream");
		};
	}

	/** Writes the CSV; the writer is flushed, not closed. */
	public GenerationResult write(Writer out) throws IOException {
		return writeCsv(out, OutputFormat.CSV);
	}

	private GenerationResult writeGzip(OutputStream out) throws IOException {
		CountingOutputStream compressed = new CountingOutputStream(out);
		GZIPOutputStream gzip = new GZIPOutputStream(compressed, BUFFER_SIZE);
		GenerationResult text = writeCsv(new OutputStreamWriter(gzip, StandardCharsets.US_ASCII),
				OutputFormat.CSV_GZIP);
		gzip.finish();
		compressed.flush();
		return new GenerationResult(text.dataset(), text.layout(), text.format(), text.rows(), compressed.count(),
				text.malformedLines(), text.quirks());
	}

	/** Writes the header and rows; the result counts the characters written. */
	private GenerationResult writeCsv(Writer out, OutputFormat format) throws IOException {
		BufferedWriter buffered = new BufferedWriter(out, BUFFER_SIZE);
		CsvFormat csv = new CsvFormat(this.columns);
		TripStream trips = new TripStream(this.settings);
		SplittableRandom faults = trips.faults();
		Trip trip = new Trip();
		CsvLine line = new CsvLine();
		LineNumbers malformedLines = new LineNumbers();
		QuirkCounts.Tally quirks = new QuirkCounts.Tally(this.settings.dataset());
		double malformedFraction = this.settings.malformedFraction();

		buffered.write(csv.header());
		buffered.write('\n');
		long bytes = csv.header().length() + 1;
		for (long row = 0; row < this.settings.rides(); row++) {
			trips.next(trip);
			line.clear();
			csv.write(trip, line);
			if (faults.nextDouble() < malformedFraction) {
				String broken = Malformation.breakRow(line.toString(), faults, csv.targets());
				buffered.write(broken);
				bytes += broken.length();
				malformedLines.append(row + 2); // line 1 is the header
			}
			else {
				line.writeTo(buffered);
				bytes += line.length();
				quirks.add(trip);
			}
			buffered.write('\n');
			bytes++;
		}
		buffered.flush();
		return result(format, bytes, malformedLines, quirks);
	}

	private GenerationResult writeParquet(Path file) throws IOException {
		if (this.settings.malformedFraction() > 0) {
			throw new IllegalArgumentException(
					"Broken rows are for CSV only: a Parquet file has typed columns, not text to break");
		}
		if (this.settings.layout().timestampType() == ParquetType.TIMESTAMP_NANOS
				&& this.settings.start().getYear() > LAST_YEAR_IN_NANOSECONDS) {
			throw new IllegalArgumentException("The " + this.settings.layout().year()
					+ " layout's timestamps in nanoseconds reach only the year 2262, the start was "
					+ this.settings.start());
		}
		TripStream trips = new TripStream(this.settings);
		Trip trip = new Trip();
		QuirkCounts.Tally quirks = new QuirkCounts.Tally(this.settings.dataset());
		try (ParquetWriter<Trip> writer = ParquetTrips.open(file, this.columns)) {
			for (long row = 0; row < this.settings.rides(); row++) {
				trips.next(trip);
				writer.write(trip);
				quirks.add(trip);
			}
		}
		return result(OutputFormat.PARQUET, Files.size(file), new LineNumbers(), quirks);
	}

	private GenerationResult result(OutputFormat format, long bytes, List<Long> malformedLines,
			QuirkCounts.Tally quirks) {
		return new GenerationResult(this.settings.dataset(), this.settings.layout(), format, this.settings.rides(),
				bytes, malformedLines, quirks.counts());
	}

}
