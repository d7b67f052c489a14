package io.ridestream.model;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rides of the CSV that the producer service bundles: real TLC rows, 266 of them, every one a valid ride. */
final class BundledRides {

	static final Path CSV = Path.of("../ride-producer-service/src/main/resources/data/rides.csv");

	private BundledRides() {
	}

	static List<Ride> read() {
		List<Ride> rides = new ArrayList<>();
		try (Reader text = Files.newBufferedReader(CSV, StandardCharsets.UTF_8);
				RideCsvReader reader = RideCsvReader.open(text)) {
			for (CsvRow row = reader.next(); row != null; row = reader.next()) {
				if (!(row instanceof CsvRow.Parsed parsed)) {
					throw new IllegalStateException("Bundled CSV has a rejected row: " + row);
				}
				rides.add(parsed.ride());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rides;
	}

}
