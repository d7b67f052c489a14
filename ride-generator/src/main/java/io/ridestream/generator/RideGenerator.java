package io.ridestream.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a CSV of generated NYC yellow-taxi rides in the TLC layout: the header of
 * {@link io.ridestream.model.read.RideColumn}, then one ride per line with pickup times that never go backwards.
 *
 * <p>Rows are written as they are generated, so a file of any size takes constant memory (plus 8 bytes per row
 * broken on purpose, to report its line number). The same settings always give the same bytes. Rows broken on
 * purpose take the place of rides, and the rides around them are the same as without any broken rows.
 */
public final class RideGenerator {

	private static final int BUFFER_SIZE = 256 * 1024;

	private final GeneratorSettings settings;

	public RideGenerator(GeneratorSettings settings) {
		this.settings = settings;
	}

	/** Writes the CSV to a file, replacing it if it exists. */
	public GenerationResult write(Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			return write(out);
		}
	}

	/** Writes the CSV as ASCII bytes; the stream is flushed, not closed. */
	public GenerationResult write(OutputStream out) throws IOException {
		return write(new OutputStreamWriter(out, StandardCharsets.US_ASCII));
	}

	/** Writes the CSV; the writer is flushed, not closed. */
	public GenerationResult write(Writer out) throws IOException {
		BufferedWriter buffered = new BufferedWriter(out, BUFFER_SIZE);
		SplittableRandom rides = new SplittableRandom(this.settings.seed());
		// A stream of its own, so that choosing which rows to break does not change the rides themselves.
		SplittableRandom faults = rides.split();
		PickupClock clock = new PickupClock(this.settings.start(), this.settings.ridesPerMinute());
		TripSampler sampler = new TripSampler(rides);
		Trip trip = new Trip();
		CsvLine line = new CsvLine();
		LineNumbers malformedLines = new LineNumbers();
		double malformedFraction = this.settings.malformedFraction();

		buffered.write(TripFormat.HEADER);
		buffered.write('\n');
		long bytes = TripFormat.HEADER.length() + 1;
		for (long row = 0; row < this.settings.rides(); row++) {
			sampler.sample(clock.next(rides), trip);
			line.clear();
			TripFormat.write(trip, line);
			if (faults.nextDouble() < malformedFraction) {
				String broken = Malformation.breakRow(line.toString(), faults);
				buffered.write(broken);
				bytes += broken.length();
				malformedLines.append(row + 2); // line 1 is the header
			}
			else {
				line.writeTo(buffered);
				bytes += line.length();
			}
			buffered.write('\n');
			bytes++;
		}
		buffered.flush();
		return new GenerationResult(this.settings.rides(), bytes, malformedLines);
	}

}
