package io.ridestream.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import io.ridestream.generator.GeneratorSettings;
import io.ridestream.generator.RideGenerator;
import io.ridestream.model.Ride;
import io.ridestream.read.RideCsvReader;
import io.ridestream.read.RideRow;
import io.ridestream.serde.RideDeserializer;
import io.ridestream.serde.RideSerializer;
import io.ridestream.serde.avro.RideAvroSerializer;
import io.ridestream.serde.registry.FakeSchemaRegistry;

/**
 * What each of the producer's formats costs per ride (issue 16): the mean record size, and the time to serialize and
 * to deserialize a ride with the serdes the services use (rides validated, as they are by default), on generated
 * yellow rides. JSON Schema and Avro go through the test schema registry, asked once per subject and id as in the
 * services. One JVM; the formats take turns, {@code --warm-up} rounds then {@code --rounds} timed, medians printed.
 * Not part of the build's tests; see benchmarks/README.md.
 */
public final class SerdeFormatsBenchmark {

	private enum Format {

		JSON("json (plain)"), JSON_SCHEMA("json-schema"), AVRO("avro");

		final String label;

		Format(String label) {
			this.label = label;
		}

	}

	private SerdeFormatsBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int rides = 200_000;
		int warmUp = 5;
		int rounds = 7;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--rides" -> rides = Integer.parseInt(args[i + 1].replace("_", ""));
				case "--warm-up" -> warmUp = Integer.parseInt(args[i + 1]);
				case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]
						+ " (--rides N, --warm-up W, --rounds R)");
			}
		}
		List<Ride> sample = generate(rides);
		System.out.println("Machine: " + Machine.describe());
		System.out.printf(Locale.ROOT, "%,d generated yellow rides; %d warm-up and %d timed rounds, formats in turn%n",
				sample.size(), warmUp, rounds);
		try (FakeSchemaRegistry registry = FakeSchemaRegistry.start()) {
			registry.setCompatibility("rides-value", "NONE"); // JSON Schema and Avro under one subject
			Map<Format, List<double[]>> timings = new EnumMap<>(Format.class);
			Map<Format, Double> sizes = new EnumMap<>(Format.class);
			for (int round = 0; round < warmUp + rounds; round++) {
				for (Format format : Format.values()) {
					double[] timing = measure(format, registry.url(), sample, sizes);
					if (round >= warmUp) {
						timings.computeIfAbsent(format, (key) -> new ArrayList<>()).add(timing);
					}
				}
			}
			print(timings, sizes);
		}
	}

	/** Serializes and deserializes the sample once; the microseconds per ride of each. */
	private static double[] measure(Format format, String registryUrl, List<Ride> sample, Map<Format, Double> sizes) {
		Map<String, Object> configs = (format == Format.JSON) ? Map.of() : Map.of("schema.registry.url", registryUrl);
		Serializer<Ride> serializer = (format == Format.AVRO) ? new RideAvroSerializer() : new RideSerializer();
		serializer.configure(configs, false);
		Deserializer<Ride> deserializer = new RideDeserializer();
		deserializer.configure(configs, false);
		serializer.serialize("rides", sample.get(0)); // asks the registry outside the timed loop
		deserializer.deserialize("rides", serializer.serialize("rides", sample.get(0)));
		List<byte[]> records = new ArrayList<>(sample.size());
		long start = System.nanoTime();
		for (Ride ride : sample) {
			records.add(serializer.serialize("rides", ride));
		}
		long serialized = System.nanoTime();
		long blackhole = 0;
		for (byte[] record : records) {
			blackhole += deserializer.deserialize("rides", record).pickupLocationId();
		}
		long deserialized = System.nanoTime();
		if (blackhole == 42) {
			System.out.print("");
		}
		sizes.put(format, records.stream().mapToLong((record) -> record.length).average().orElse(0));
		return new double[] { (serialized - start) / 1e3 / sample.size(), (deserialized - serialized) / 1e3 / sample.size() };
	}

	private static void print(Map<Format, List<double[]>> timings, Map<Format, Double> sizes) {
		double jsonWrite = median(timings.get(Format.JSON), 0);
		double jsonRead = median(timings.get(Format.JSON), 1);
		System.out.println();
		System.out.println("| format | bytes per ride | serialize µs per ride | deserialize µs per ride | write / json | read / json |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		for (Format format : Format.values()) {
			double write = median(timings.get(format), 0);
			double read = median(timings.get(format), 1);
			System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f | %.2f | %.2f | %.2f |%n", format.label, sizes.get(format),
					write, read, write / jsonWrite, read / jsonRead);
		}
	}

	private static double median(List<double[]> timings, int index) {
		double[] values = timings.stream().mapToDouble((timing) -> timing[index]).sorted().toArray();
		return (values.length % 2 == 1) ? values[values.length / 2]
				: (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
	}

	private static List<Ride> generate(int count) throws IOException {
		Path csv = Files.createTempFile("serde-formats-", ".csv");
		try {
			new RideGenerator(GeneratorSettings.of(count)).write(csv);
			List<Ride> rides = new ArrayList<>(count);
			try (RideCsvReader reader = RideCsvReader.open(Files.newBufferedReader(csv))) {
				RideRow row;
				while ((row = reader.next()) != null) {
					if (row instanceof RideRow.Parsed parsed) {
						rides.add(parsed.ride());
					}
				}
			}
			return rides;
		}
		finally {
			Files.deleteIfExists(csv);
		}
	}

}
