package io.ridestream.generator;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.ridestream.model.read.RideRow;
import io.ridestream.model.Ride;
import io.ridestream.model.read.RideCsvReader;

/** Generates CSV in memory and reads it back with the reader the services use. */
final class GeneratedCsv {

	private GeneratedCsv() {
	}

	static String generate(GeneratorSettings settings) {
		StringWriter csv = new StringWriter();
		try {
			new RideGenerator(settings).write(csv);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return csv.toString();
	}

	static List<RideRow> rows(String csv) {
		List<RideRow> rows = new ArrayList<>();
		try (RideCsvReader reader = RideCsvReader.open(new StringReader(csv))) {
			for (RideRow row = reader.next(); row != null; row = reader.next()) {
				rows.add(row);
			}
		}
		return rows;
	}

	static List<Ride> rides(GeneratorSettings settings) {
		return rows(generate(settings)).stream()
			.map((row) -> ((RideRow.Parsed) row).ride())
			.toList();
	}

}
