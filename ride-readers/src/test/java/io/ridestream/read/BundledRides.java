package io.ridestream.read;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ridestream.model.Ride;

/** The rides of the CSV that the producer service bundles: real TLC rows, 266 of them, every one a valid ride. */
public final class BundledRides {

	public static final Path CSV = Path.of("../ride-producer-service/src/main/resources/data/rides.csv");

	private BundledRides() {
	}

	public static List<Ride> read() {
		List<Ride> rides = new ArrayList<>();
		try (Reader text = Files.newBufferedReader(CSV, StandardCharsets.UTF_8);
				RideCsvReader reader = RideCsvReader.open(text)) {
			for (RideRow row = reader.next(); row != null; row = reader.next()) {
				if (!(row instanceof RideRow.Parsed parsed)) {
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
