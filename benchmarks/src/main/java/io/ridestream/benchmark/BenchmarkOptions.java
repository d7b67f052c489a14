package io.ridestream.benchmark;

import java.nio.file.Path;

/**
 * The command line of {@link RideStreamBenchmark}.
 *
 * @param rides rides (records) per measurement
 * @param repeats how many times each pair of measurements is repeated
 * @param brokers the Kafka brokers: one combined node, or a cluster with a controller apart
 * @param producerJar the executable jar of ride-producer-service
 * @param consumerJar the executable jar of ride-consumer-service
 * @param outputDir where the report and the logs go
 */
record BenchmarkOptions(long rides, int repeats, int brokers, Path producerJar, Path consumerJar, Path outputDir) {

	static final String USAGE = """
			Usage: RideStreamBenchmark --producer-jar <jar> --consumer-jar <jar> [--rides N] [--repeats R] [--brokers B]
			                           [--output-dir DIR]
			  --rides N         rides per measurement (default 1000000)
			  --repeats R       repetitions of each pair of measurements, medians reported (default 3)
			  --brokers B       Kafka brokers (default 1); more: a cluster, topics replicated min(3, B) times
			  --output-dir DIR  where benchmark-<date>.md and the logs go (default target)
			""";

	BenchmarkOptions {
		if (rides < 1) {
			throw new IllegalArgumentException("--rides must be at least 1, was " + rides);
		}
		if (repeats < 1) {
			throw new IllegalArgumentException("--repeats must be at least 1, was " + repeats);
		}
		if (brokers < 1 || brokers > 9) {
			throw new IllegalArgumentException("--brokers must be from 1 to 9, was " + brokers);
		}
		if (producerJar == null || consumerJar == null) {
			throw new IllegalArgumentException("--producer-jar and --consumer-jar are required");
		}
	}

	static BenchmarkOptions parse(String... args) {
		long rides = 1_000_000;
		int repeats = 3;
		int brokers = 1;
		Path producerJar = null;
		Path consumerJar = null;
		Path outputDir = Path.of("target");
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("Missing value for " + name);
			}
			String value = args[++i];
			switch (name) {
				case "--rides" -> rides = number(name, value);
				case "--repeats" -> repeats = Math.toIntExact(number(name, value));
				case "--brokers" -> brokers = Math.toIntExact(number(name, value));
				case "--producer-jar" -> producerJar = Path.of(value);
				case "--consumer-jar" -> consumerJar = Path.of(value);
				case "--output-dir" -> outputDir = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown option " + name);
			}
		}
		return new BenchmarkOptions(rides, repeats, brokers, producerJar, consumerJar, outputDir);
	}

	private static long number(String name, String value) {
		try {
			return Long.parseLong(value.replace("_", ""));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
		}
	}

}
