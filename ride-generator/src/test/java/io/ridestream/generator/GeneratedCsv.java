package io.ridestream.generator;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.ridestream.read.RideRow;
import io.ridestream.model.Ride;
import io.ridestream.read.RideCsvReader;

/** Generates CSV in memory and reads it back with the reader the services use, or field by field. */
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

	/** The data rows of a CSV without broken rows, each a map from the header's names to the fields. */
	static List<Map<String, String>> records(String csv) {
		List<String> lines = csv.lines().toList();
		String[] header = lines.get(0).split(",", -1);
		return lines.stream().skip(1).map((line) -> {
			String[] fields = line.split(",", -1);
			return IntStream.range(0, header.length)
				.boxed()
				.collect(Collectors.toMap((i) -> header[i], (i) -> fields[i]));
		}).toList();
	}

	/** The data rows of a CSV without broken rows, each a list of its fields. */
	static List<List<String>> fields(String csv) {
		return csv.lines().skip(1).map((line) -> Arrays.asList(line.split(",", -1))).toList();
	}

}
